package org.yibao.contracts.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A unit price in yuan at the national interface's precision (单价, 16,6: up to 6 decimals, ten integer
 * digits), so that a pack's price divided by its count (0.3333) travels exactly from the hospital's
 * line to the bill and its events.
 *
 * <p>The rounding rule (national interface; seeds say nothing otherwise): a line's amount is its unit
 * price times its quantity, rounded once, half up, to the fen ({@link #times}). Held at scale 6 so that
 * {@code equals} agrees with {@code compareTo}; written as plain text with at least two decimals
 * ("0.30", "0.3333"), never as a binary float.
 */
public record Price(BigDecimal amount) implements Comparable<Price> {

    public static final int SCALE = 6;

    /** The largest price: 16 digits with 6 decimals. */
    public static final BigDecimal LIMIT = new BigDecimal("9999999999.999999");

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    public Price {
        Objects.requireNonNull(amount, "amount");
        try {
            amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a price has at most 6 decimals: " + amount.toPlainString(), e);
        }
        if (amount.abs().compareTo(LIMIT) > 0) {
            throw new IllegalArgumentException("a price is at most " + LIMIT.toPlainString() + " yuan");
        }
    }

    /**
     * Reads a price as text ("0.3333").
     *
     * @throws IllegalArgumentException when it is not plain digits with an optional minus sign and decimal
     *                                  point, has more than 6 decimals or lies beyond {@link #LIMIT}
     */
    @JsonCreator
    public static Price of(String yuan) {
        Objects.requireNonNull(yuan, "yuan");
        String text = yuan.trim();
        if (text.length() > 40 || !PLAIN.matcher(text).matches()) {
            throw new IllegalArgumentException("not a price: '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    + "'; write digits with a decimal point, such as 0.3333");
        }
        return new Price(new BigDecimal(text));
    }

    public static Price of(Money money) {
        return new Price(money.amount());
    }

    /** The amount of this many units: price x quantity, rounded once, half up, to the fen. */
    public Money times(BigDecimal quantity) {
        return Money.rounded(amount.multiply(quantity), RoundingMode.HALF_UP);
    }

    public Price min(Price other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Price other) {
        return amount.compareTo(other.amount);
    }

    @JsonValue
    @Override
    public String toString() {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 2 ? plain.setScale(2, RoundingMode.UNNECESSARY) : plain).toPlainString();
    }
}
