package org.yibao.city.expect;

import org.yibao.contracts.money.Money;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The maternity allowance (生育津贴) as the simulator computes it from its own reading of the employee pack's
 * {@code maternityLeave} (ADR 0022): leave days = baseDays + difficultDeliveryDays for a difficult delivery (难产:
 * assisted or caesarean) + perExtraBabyDays per baby after the first + regionDays, for a birth; a miscarriage's own
 * days; the allowance = the average monthly wage x days / 30, half up to the fen once.
 */
public record Maternity(int baseDays, int difficultDeliveryDays, int perExtraBabyDays, int miscarriageBefore4MonthsDays,
                        int miscarriageFrom4MonthsDays, int regionDays) {

    /** Days a month the allowance divides the monthly wage by (national practice of 计发 by day). */
    static final BigDecimal DAYS_A_MONTH = BigDecimal.valueOf(30);

    /** The city's employee pack's maternity leave. */
    public static Maternity city() {
        return of(DataFile.resource("policy-packs/" + PolicyPacks.CITY.get(0) + ".yml"));
    }

    static Maternity of(DataFile f) {
        JsonNode m = f.required(f.root, "", "maternityLeave");
        f.only(m, "maternityLeave", "baseDays", "difficultDeliveryDays", "perExtraBabyDays", "miscarriageBefore4MonthsDays",
                "miscarriageFrom4MonthsDays", "regionDays");
        return new Maternity(days(f, m, "baseDays"), days(f, m, "difficultDeliveryDays"), days(f, m, "perExtraBabyDays"),
                days(f, m, "miscarriageBefore4MonthsDays"), days(f, m, "miscarriageFrom4MonthsDays"),
                m.has("regionDays") ? days(f, m, "regionDays") : 0);
    }

    private static int days(DataFile f, JsonNode m, String key) {
        return f.integer(f.required(m, "maternityLeave", key), "maternityLeave." + key);
    }

    /** The leave days of a kind of delivery (its name, as the packs and the API write it) and babies born. */
    public int leaveDays(String kind, int babies) {
        return switch (kind) {
            case "MISCARRIAGE_BEFORE_4_MONTHS" -> miscarriageBefore4MonthsDays;
            case "MISCARRIAGE_FROM_4_MONTHS" -> miscarriageFrom4MonthsDays;
            case "NATURAL" -> baseDays + perExtraBabyDays * (babies - 1) + regionDays;
            case "ASSISTED", "CAESAREAN" -> baseDays + difficultDeliveryDays + perExtraBabyDays * (babies - 1) + regionDays;
            default -> throw new IllegalArgumentException("no kind of delivery " + kind);
        };
    }

    /** wage x days / 30, half up to the fen once. */
    public static Money allowance(Money averageMonthlyWage, int days) {
        return Money.of(averageMonthlyWage.amount().multiply(BigDecimal.valueOf(days)).divide(DAYS_A_MONTH, Money.SCALE,
                RoundingMode.HALF_UP));
    }
}
