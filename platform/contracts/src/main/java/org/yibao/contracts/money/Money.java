package org.yibao.contracts.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of yuan, exact to the fen (scale 2).
 *
 * <p>The scale is fixed at construction so that {@code equals} agrees with {@code compareTo}
 * (a bare {@code BigDecimal} says 1.0 != 1.00). Any operation that could produce more than two
 * decimals takes an explicit {@link RoundingMode}; constructing from a value with more decimals
 * is refused rather than silently rounded. On the wire it is a string ("1234.50") so that no
 * consumer parses money as a binary float.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final int SCALE = 2;
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        try {
            amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("money has more than 2 decimals: " + amount.toPlainString(), e);
        }
    }

    /**
     * The most yuan any amount from outside may hold: twelve integer digits, what the platform's
     * {@code numeric(14,2)} columns store (ASSUMPTION: no bill, budget or fund total reaches a
     * trillion yuan).
     */
    public static final BigDecimal LIMIT = new BigDecimal("999999999999.99");

    /** How an amount is written: ASCII digits, an optional minus sign and decimal point. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /**
     * Reads an amount as text ("1234.50"), the way it travels in JSON.
     *
     * @throws IllegalArgumentException when it is not plain digits with an optional minus sign and
     *                                  decimal point ("1e2", "+5" and full-width digits are refused),
     *                                  has more than 2 decimals or lies beyond {@link #LIMIT} either way
     */
    @JsonCreator
    public static Money of(String yuan) {
        Objects.requireNonNull(yuan, "yuan");
        String text = yuan.trim();
        if (text.length() > 40) {
            throw new IllegalArgumentException("not an amount of money: it has " + text.length() + " characters");
        }
        if (!PLAIN.matcher(text).matches()) {
            // BigDecimal would also read "1e2", "+5", full-width and Arabic-Indic digits; an amount is written one way
            throw new IllegalArgumentException("not an amount of money: '" + text + "'; write digits with a decimal point, such as 1234.50");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.precision() - value.scale() > 12 || value.abs().compareTo(LIMIT) > 0) {
            throw new IllegalArgumentException("must be at most " + LIMIT.toPlainString() + " yuan either way");
        }
        return new Money(value);
    }

    public static Money of(BigDecimal yuan) {
        return new Money(yuan);
    }

    /** Rounds a computed value (for example an amount times a ratio) to the fen. */
    public static Money rounded(BigDecimal yuan, RoundingMode rounding) {
        return new Money(yuan.setScale(SCALE, rounding));
    }

    public static Money ofFen(long fen) {
        return new Money(BigDecimal.valueOf(fen, SCALE));
    }

    public long fen() {
        return amount.movePointRight(SCALE).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    /** This amount times a ratio (for example 0.85), rounded once to the fen. */
    public Money times(BigDecimal ratio, RoundingMode rounding) {
        return rounded(amount.multiply(ratio), rounding);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public static Money sum(Iterable<Money> amounts) {
        Money total = ZERO;
        for (Money m : amounts) {
            total = total.plus(m);
        }
        return total;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @JsonValue
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
