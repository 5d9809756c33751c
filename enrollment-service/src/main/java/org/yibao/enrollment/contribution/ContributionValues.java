package org.yibao.enrollment.contribution;

import org.yibao.contracts.money.Money;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the values of {@code contribution-policies.yml} are read: money (yuan, quoted, at most 2
 * decimals, never negative) and subsidies ({@code FULL} or such an amount). Each refusal is a
 * {@link Refusal} whose message is the reason alone; Jackson adds the path and
 * {@link ContributionPolicies} turns both into {@code file: path: reason}.
 */
final class ContributionValues {

    private ContributionValues() {
    }

    static SimpleModule module() {
        return new SimpleModule("contribution-policy-values")
                .addDeserializer(Money.class, new MoneyDeserializer())
                .addDeserializer(Subsidy.class, new SubsidyDeserializer());
    }

    /** Yuan written as a quoted amount ("250.00"); an unquoted number is refused, whole or not. */
    static final class MoneyDeserializer extends ValueDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) {
            return money(p);
        }
    }

    /** A premium subsidy: {@code FULL} (the whole contribution) or a quoted amount. */
    static final class SubsidyDeserializer extends ValueDeserializer<Subsidy> {
        @Override
        public Subsidy deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING && "FULL".equals(p.getString())) {
                return Subsidy.inFull();
            }
            return Subsidy.fixed(money(p));
        }
    }

    private static Money money(JsonParser p) {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_STRING) {
            throw new Refusal(p, "must be a quoted amount such as \"250.00\"" + (token.isScalarValue() ? ", was " + p.getString() : ""));
        }
        Money money;
        try {
            money = Money.of(p.getString());
        } catch (IllegalArgumentException e) {
            throw new Refusal(p, e.getMessage());
        }
        if (money.isNegative()) {
            throw new Refusal(p, "must not be negative");
        }
        return money;
    }

    /** A value refused by these readers; the message is the reason a bureau's editor reads. */
    static final class Refusal extends MismatchedInputException {
        Refusal(JsonParser p, String reason) {
            super(p, reason, Money.class);
        }
    }
}
