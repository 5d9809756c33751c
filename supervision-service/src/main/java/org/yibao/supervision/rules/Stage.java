package org.yibao.supervision.rules;

/** When a rule is applied (审核环节), as the national rule framework names the stages. */
public enum Stage {
    /** 事前: at the order or prescription, before the service (national 3101). */
    BEFORE,
    /** 事中: at settlement, before the bill is paid (national 3102, settlement's pre-check). */
    DURING,
    /** 事后: the smart audit of settled claims. */
    AFTER
}
