package org.yibao.contracts.events;

/** Medical-assistance identity categories, as the identity feeds name them. */
public enum AssistanceCategory {
    /** 特困供养人员 (including orphans) */
    EXTREME_POVERTY,
    /** 低保对象 */
    MINIMUM_LIVING,
    /** 低保边缘 */
    MINIMUM_LIVING_MARGINAL,
    /** 脱贫人口 */
    LIFTED_OUT_OF_POVERTY,
    /** 脱贫不稳定 */
    LIFTED_UNSTABLE,
    /** 边缘易致贫 */
    EDGE_OF_POVERTY,
    /** 突发严重困难 */
    SUDDEN_HARDSHIP,
    /** 易返贫致贫监测对象 */
    POVERTY_MONITORED
}
