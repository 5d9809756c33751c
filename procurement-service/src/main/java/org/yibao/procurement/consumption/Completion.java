package org.yibao.procurement.consumption;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The completion (完成率) of an institution's agreed volume of one selected product in an agreement
 * year: consumed against agreed, against the share of the year elapsed (an institution below it is
 * falling behind), the VBP share of its generic's volume, and the savings (previous minus winning
 * price, times the volume consumed). Percentages have 2 decimals, half up.
 */
public record Completion(String institution, String itemCode, String genericName, BigDecimal agreed, BigDecimal consumed,
                         BigDecimal purchased, BigDecimal sameGenericOther, BigDecimal completionPercent,
                         BigDecimal elapsedPercent, boolean behind, BigDecimal vbpSharePercent, Money savings) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static Completion of(VolumeUse use, BigDecimal elapsedPercent) {
        BigDecimal completion = completionPercent(use.consumed(), use.agreed());
        return new Completion(use.institution(), use.itemCode(), use.genericName(), use.agreed(), use.consumed(), use.purchased(),
                use.sameGenericOther(), completion, elapsedPercent, isBehind(completion, elapsedPercent),
                vbpSharePercent(use.consumed(), use.sameGenericOther()), savings(use.savingPerUnit(), use.consumed()));
    }

    /** Consumed over agreed, in percent. */
    static BigDecimal completionPercent(BigDecimal consumed, BigDecimal agreed) {
        return consumed.multiply(HUNDRED).divide(agreed, 2, RoundingMode.HALF_UP);
    }

    /** Behind: the completion lags the share of the year elapsed (reaching it exactly is not behind). */
    static boolean isBehind(BigDecimal completionPercent, BigDecimal elapsedPercent) {
        return completionPercent.compareTo(elapsedPercent) < 0;
    }

    /** The VBP share: the selected product's units over all units of its generic, in percent; 0.00 when none was used. */
    static BigDecimal vbpSharePercent(BigDecimal consumed, BigDecimal sameGenericOther) {
        BigDecimal all = consumed.add(sameGenericOther);
        return all.signum() == 0 ? BigDecimal.ZERO.setScale(2) : consumed.multiply(HUNDRED).divide(all, 2, RoundingMode.HALF_UP);
    }

    /** The savings: the saving per unit times the units consumed, rounded half up to the fen. */
    static Money savings(BigDecimal savingPerUnit, BigDecimal consumed) {
        return Money.rounded(savingPerUnit.multiply(consumed), RoundingMode.HALF_UP);
    }
}
