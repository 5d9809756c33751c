package org.yibao.city.expect;

import org.yibao.contracts.money.Money;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The simulator's own reading of one of the platform's data files other than packs (contribution rates, a care
 * policy, a care scale): a YAML tree read by Jackson and walked by hand, a key it does not know refused naming
 * the path (a rule it did not read would make its expectation silently wrong). Never the services' readers.
 */
final class DataFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    final String file;
    final JsonNode root;

    private DataFile(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** The file on the class path (copied there from the service's resources at build time, city-simulator's pom). */
    static DataFile resource(String path) {
        try (InputStream in = DataFile.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no data file " + path + " on the class path");
            }
            return read(path, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DataFile read(String file, InputStream yaml) {
        return new DataFile(file, YAML.readTree(yaml));
    }

    JsonNode required(JsonNode node, String path, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw refused(path.isEmpty() ? key : path + "." + key, "is missing");
        }
        return v;
    }

    void only(JsonNode node, String path, String... keys) {
        List<String> known = List.of(keys);
        for (String k : node.propertyNames()) {
            if (!known.contains(k)) {
                throw refused(path.isEmpty() ? k : path + "." + k, "is not a field the simulator's own reading knows; expected one of "
                        + known);
            }
        }
    }

    /** Yuan, quoted or a whole number, not negative. */
    Money money(JsonNode node, String path) {
        if (!node.isString() && !node.isIntegralNumber()) {
            throw refused(path, "an amount must be quoted yuan, such as \"200.00\", was " + node);
        }
        Money m = Money.of(new BigDecimal(node.asString()));
        if (m.isNegative()) {
            throw refused(path, "an amount may not be negative");
        }
        return m;
    }

    /** A ratio from 0 to 1, a number or a quoted number, exact as written. */
    BigDecimal ratio(JsonNode node, String path) {
        BigDecimal r = node.isNumber() ? node.decimalValue() : node.isString() ? new BigDecimal(node.asString()) : null;
        if (r == null || r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
            throw refused(path, "a ratio must be a number from 0 to 1, was " + node);
        }
        return r;
    }

    int integer(JsonNode node, String path) {
        if (!node.isIntegralNumber()) {
            throw refused(path, "must be a whole number, was " + node);
        }
        return node.asInt();
    }

    IllegalArgumentException refused(String path, String reason) {
        return new IllegalArgumentException(file + ": " + path + ": " + reason);
    }
}
