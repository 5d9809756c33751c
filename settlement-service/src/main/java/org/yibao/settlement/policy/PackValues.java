package org.yibao.settlement.policy;

import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.money.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * How a policy pack's values are read: money (yuan, quoted, at most 2 decimals, never negative),
 * ratios (0 to 1, exact as written) and the two mappings that take more than one shape. Each refusal
 * is a {@link Refusal} whose message is the reason alone; Jackson adds the path and
 * {@link PolicyPackReader} turns both into {@code file: path: reason}.
 */
final class PackValues {

    private PackValues() {
    }

    /** Money and ratios as packs write them. */
    static SimpleModule module() {
        return new SimpleModule("policy-pack-values").addDeserializer(Money.class, new MoneyDeserializer());
    }

    static final class RatioDeserializer extends ValueDeserializer<PolicyPackFile.Ratio> {
        @Override
        public PolicyPackFile.Ratio deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            BigDecimal ratio;
            try {
                if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_STRING) {
                    throw new NumberFormatException();
                }
                ratio = new BigDecimal(p.getString().trim());
            } catch (NumberFormatException e) {
                throw refuse(p, PolicyPackFile.Ratio.class, "must be a number, was " + p.getString());
            }
            if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
                throw refuse(p, PolicyPackFile.Ratio.class, "must be a ratio between 0 and 1, was " + ratio.toPlainString());
            }
            return new PolicyPackFile.Ratio(ratio);
        }
    }

    /** Yuan written as a quoted amount ("200.00"); a whole number is taken too, a floating-point number never. */
    static final class MoneyDeserializer extends ValueDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                throw refuse(p, Money.class, "must be written as a quoted amount such as \"200.00\", not a floating-point number");
            }
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
                throw refuse(p, Money.class, "must be an amount such as \"200.00\"");
            }
            Money money;
            try {
                money = Money.of(p.getString());
            } catch (IllegalArgumentException e) {
                throw refuse(p, Money.class, e.getMessage());
            }
            if (money.isNegative()) {
                throw refuse(p, Money.class, "must not be negative, was " + money);
            }
            return money;
        }
    }

    static final class DeductibleDeserializer extends ValueDeserializer<PolicyPackFile.Deductible> {
        @Override
        public PolicyPackFile.Deductible deserialize(JsonParser p, DeserializationContext ctxt) {
            Map<InstitutionLevel, Money> byLevel = new EnumMap<>(InstitutionLevel.class);
            Map<PersonType, Map<InstitutionLevel, Money>> byPersonType = new EnumMap<>(PersonType.class);
            JavaType levels = ctxt.getTypeFactory().constructMapType(EnumMap.class, InstitutionLevel.class, Money.class);
            eachEntry(p, ctxt, PolicyPackFile.Deductible.class, union(InstitutionLevel.values(), PersonType.values()), (key, value) -> {
                if (isOneOf(key, InstitutionLevel.values())) {
                    byLevel.put(InstitutionLevel.valueOf(key), ctxt.readValue(p, Money.class));
                } else {
                    byPersonType.put(PersonType.valueOf(key), ctxt.readValue(p, levels));
                }
            });
            return new PolicyPackFile.Deductible(byLevel, byPersonType);
        }
    }

    static final class AnnualCapDeserializer extends ValueDeserializer<PolicyPackFile.AnnualCap> {
        @Override
        public PolicyPackFile.AnnualCap deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.isExpectedStartObjectToken()) {
                return new PolicyPackFile.AnnualCap(ctxt.readValue(p, Money.class), Map.of());
            }
            Map<PersonType, PolicyPackFile.TierCap> byPersonType = new EnumMap<>(PersonType.class);
            JavaType tiers = ctxt.getTypeFactory().constructMapType(EnumMap.class, EmploymentTier.class, Money.class);
            eachEntry(p, ctxt, PolicyPackFile.AnnualCap.class, names(PersonType.values()), (key, value) ->
                    byPersonType.put(PersonType.valueOf(key), p.isExpectedStartObjectToken()
                            ? new PolicyPackFile.TierCap(null, ctxt.readValue(p, tiers))
                            : new PolicyPackFile.TierCap(ctxt.readValue(p, Money.class), Map.of())));
            return new PolicyPackFile.AnnualCap(null, byPersonType);
        }
    }

    /**
     * Reads a mapping whose keys must be among {@code allowed}, handing each value (the parser on its
     * first token) to {@code read}; an error inside a value gets the key in its path.
     */
    private static void eachEntry(JsonParser p, DeserializationContext ctxt, Class<?> type, Set<String> allowed,
                                  BiConsumer<String, JsonParser> read) {
        if (!p.isExpectedStartObjectToken()) {
            throw refuse(p, type, "must be a mapping");
        }
        for (String key = p.nextName(); key != null; key = p.nextName()) {
            p.nextToken();
            try {
                if (!allowed.contains(key)) {
                    throw refuse(p, type, "is not a known field; expected one of " + allowed);
                }
                read.accept(key, p);
            } catch (JacksonException e) {
                throw e.prependPath(new JacksonException.Reference(type, key));
            }
        }
    }

    static Refusal refuse(JsonParser p, Class<?> type, String reason) {
        return new Refusal(p, reason, type);
    }

    /** A value of a pack refused by these readers; the message is the reason a bureau's editor reads. */
    static final class Refusal extends MismatchedInputException {
        Refusal(JsonParser p, String reason, Class<?> type) {
            super(p, reason, type);
        }
    }

    static Set<String> names(Enum<?>[] values) {
        Set<String> names = new TreeSet<>();
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return names;
    }

    private static Set<String> union(Enum<?>[] a, Enum<?>[] b) {
        Set<String> all = names(a);
        all.addAll(names(b));
        return all;
    }

    private static boolean isOneOf(String key, Enum<?>[] values) {
        return names(values).contains(key);
    }
}
