package org.yibao.casemix.dip;

import java.math.BigDecimal;

/**
 * A DIP group (病种) of a table: a core group (核心病种) is a main diagnosis category with a main procedure (or without
 * one: 保守治疗); a comprehensive group (综合病种) pools a category's cases too few for a core group; the catch-all pools
 * the categories too few even together.
 *
 * @param code              {@code K35+47.0100}, {@code K35+保守}, {@code K35+综合} or {@code 综合}
 * @param category          the main diagnosis's ICD-10 category (类目), null for the catch-all
 * @param procedure         the main procedure's code, null without one or for a comprehensive group
 * @param cases             the history's cases in it
 * @param meanCost          their mean total cost, yuan, HALF_UP to the fen
 * @param points            meanCost / the mean of all cases x the rules' point scale, HALF_UP to 4 decimals (病种分值)
 */
public record DipGroup(String code, String category, String procedure, Kind kind, int cases, BigDecimal meanCost, BigDecimal points) {

    public enum Kind {
        /** 核心病种 */
        CORE,
        /** 综合病种 of one category */
        COMPREHENSIVE,
        /** the region's catch-all comprehensive group */
        CATCH_ALL
    }
}
