package org.yibao.settlement.policy;

import org.yibao.contracts.events.DeliveryKind;

/**
 * The days of maternity leave (产假) the maternity allowance (生育津贴) pays, as a region's employee pack states
 * them. The national rule (女职工劳动保护特别规定, State Council decree 619 of 2012, art. 7) gives 98 days for a
 * birth, 15 more for a difficult delivery (难产), 15 more for each extra baby of a multiple birth, 15 days for
 * a miscarriage before 4 months of pregnancy and 42 from 4 months; a province's regulation adds days of its own
 * (延长产假), which the pack states as {@code regionDays} (paid for births only).
 *
 * @param baseDays                     days for a birth (national: 98)
 * @param difficultDeliveryDays        added for a difficult delivery (national: 15)
 * @param perExtraBabyDays             added for each baby beyond the first (national: 15)
 * @param miscarriageBefore4MonthsDays days for a miscarriage before 4 months (national: 15)
 * @param miscarriageFrom4MonthsDays   days for a miscarriage from 4 months (national: 42)
 * @param regionDays                   the province's extra days for a birth that the fund pays
 */
public record MaternityLeave(int baseDays, int difficultDeliveryDays, int perExtraBabyDays, int miscarriageBefore4MonthsDays,
                             int miscarriageFrom4MonthsDays, int regionDays) {

    /** The days of leave that follow from a delivery of the kind and the number of babies, in their parts. */
    public Days daysFor(DeliveryKind kind, int babies) {
        if (!kind.birth()) {
            return new Days(kind == DeliveryKind.MISCARRIAGE_BEFORE_4_MONTHS ? miscarriageBefore4MonthsDays
                    : miscarriageFrom4MonthsDays, 0, 0, 0);
        }
        return new Days(baseDays, kind.difficult() ? difficultDeliveryDays : 0, perExtraBabyDays * Math.max(0, babies - 1),
                regionDays);
    }

    /** Leave days in their parts; {@link #total()} is what the allowance pays. */
    public record Days(int base, int difficult, int extraBabies, int region) {
        public int total() {
            return base + difficult + extraBabies + region;
        }
    }
}
