package org.yibao.contracts.events;

/**
 * The kind of a delivery (生育类别 / 分娩方式), on which maternity insurance's fixed payment (定额支付) and the
 * days of maternity leave (产假) depend. Leave days per kind are the national rule's (女职工劳动保护特别规定,
 * State Council decree 619 of 2012, art. 7): 98 days for a birth, 15 more for a difficult delivery (难产),
 * 15 days for a miscarriage before 4 months of pregnancy, 42 days from 4 months.
 */
public enum DeliveryKind {
    /** 顺产 (自然分娩): a vaginal birth without assistance */
    NATURAL,
    /** 阴道助产 (forceps, vacuum): a difficult delivery (难产) in the national rule's sense. ASSUMPTION: assisted births count as 难产 */
    ASSISTED,
    /** 剖宫产: a caesarean section, a difficult delivery (难产) */
    CAESAREAN,
    /** 流产 before 4 months of pregnancy (怀孕未满4个月流产) */
    MISCARRIAGE_BEFORE_4_MONTHS,
    /** 流产 from 4 months of pregnancy (怀孕满4个月流产) */
    MISCARRIAGE_FROM_4_MONTHS;

    /** Whether the national rule adds the difficult-delivery days (难产 +15). */
    public boolean difficult() {
        return this == ASSISTED || this == CAESAREAN;
    }

    /** Whether it ends in a birth (a miscarriage has leave of its own, with no extra days per baby). */
    public boolean birth() {
        return this == NATURAL || this == ASSISTED || this == CAESAREAN;
    }
}
