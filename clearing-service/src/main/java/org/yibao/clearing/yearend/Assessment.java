package org.yibao.clearing.yearend;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An institution's assessment score of a year (考核得分, 0 to 100, two decimals), versioned: a new one replaces the one
 * in force, the old ones are kept. It decides how much of the year's quality deposit is released.
 */
public record Assessment(String institutionCode, int year, int version, BigDecimal score, String setBy, Instant setAt) {
}
