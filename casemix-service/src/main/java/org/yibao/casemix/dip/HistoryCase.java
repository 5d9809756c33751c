package org.yibao.casemix.dip;

import java.math.BigDecimal;

/**
 * One settled and quality-controlled stay of the history a DIP table is built from.
 *
 * @param mainDiagnosis the list's main diagnosis (ICD-10, insurance edition)
 * @param mainProcedure the list's main procedure (ICD-9-CM-3), or null (保守治疗)
 * @param cost          the stay's total cost, yuan
 */
public record HistoryCase(String mainDiagnosis, String mainProcedure, BigDecimal cost) {
}
