package org.yibao.care.policy;

import org.yibao.contracts.events.CareLevel;

import java.util.List;

/**
 * An assessment scale's file ({@code care-scales/*.yml}) as written; {@link AssessmentScale} is what it
 * means once validated.
 *
 * @param scale  the scale's name, which care policies refer to (BARTHEL)
 * @param items  the scale's items (评估项目), each with the scores it allows
 * @param levels the total score's bands, each giving a care level
 */
record ScaleFile(String scale, List<Item> items, List<Band> levels) {

    /** One item: its name, its standard term in Chinese, the scores it allows. */
    record Item(String item, String term, List<Integer> scores) {
    }

    /** Totals from {@code from} to {@code to} (inclusive) give {@code level}. */
    record Band(Integer from, Integer to, CareLevel level) {
    }
}
