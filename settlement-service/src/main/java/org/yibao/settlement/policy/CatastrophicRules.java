package org.yibao.settlement.policy;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catastrophic illness insurance (大病保险): pays on the person's cumulative policy-scope self-pay
 * of the year above a threshold, in bands.
 *
 * @param threshold the cumulative self-pay above which it pays
 * @param bands     consecutive bands above the threshold; the last has no width (open-ended)
 * @param annualCap empty means no cap
 * @param tilts     lower thresholds, other ratios and no cap for low-income categories
 */
public record CatastrophicRules(Money threshold, List<Band> bands, Optional<Money> annualCap,
                                Map<AssistanceCategory, Tilt> tilts) {

    public CatastrophicRules {
        bands = List.copyOf(bands);
        tilts = Map.copyOf(tilts);
    }

    /**
     * @param width how far above the start of the band it reaches; empty for the last band
     */
    public record Band(Optional<Money> width, BigDecimal ratio) {
    }

    /**
     * @param threshold       the threshold that applies to the category, either given outright or
     *                        as a share of the general one (0.2 = cut by 80%)
     * @param ratio           a single ratio replacing the bands' ratios, if set
     * @param ratioBonus      points added to every band's ratio, if set (0.05 = +5 points)
     * @param noCap           whether the annual cap is lifted
     */
    public record Tilt(Money threshold, Optional<BigDecimal> ratio, Optional<BigDecimal> ratioBonus, boolean noCap) {
    }
}
