package org.yibao.enrollment.contribution;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;
import org.yibao.web.config.FieldPaths;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The employee contribution rates of {@code contribution-rates/*.yml}, one file per region and year from
 * which it applies, validated when loaded: a bad file stops the service naming the file and the field
 * ({@code file: field: reason}).
 */
public final class EmployeeRateFiles {

    static final String PATTERN = "classpath*:contribution-rates/*.yml";
    private static final BigDecimal MAX_RATE = new BigDecimal("0.20");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModule(ContributionValues.module())
            .build();

    private final List<EmployeeRates> rates;

    EmployeeRateFiles(List<EmployeeRates> rates) {
        this.rates = List.copyOf(rates);
    }

    public static EmployeeRateFiles loadFromClasspath() {
        List<EmployeeRates> rates = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
                try (InputStream in = r.getInputStream()) {
                    rates.add(read(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PATTERN, e);
        }
        for (int i = 0; i < rates.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (rates.get(i).name().equals(rates.get(j).name())) {
                    throw new IllegalStateException("contribution-rates: two files state region " + rates.get(i).region()
                            + " from " + rates.get(i).fromYear());
                }
            }
        }
        return new EmployeeRateFiles(rates);
    }

    /** One file's rates, checked. */
    static EmployeeRates read(String file, String yaml) {
        EmployeeRates r;
        try {
            r = YAML.readValue(yaml, EmployeeRates.class);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(file, FieldPaths.of(e), "is not a known field");
        } catch (JacksonException e) {
            String path = FieldPaths.of(e);
            throw invalid(file, path.isEmpty() ? "(file)" : path, e.getOriginalMessage());
        }
        if (r == null) {
            throw invalid(file, "(file)", "must be a mapping");
        }
        if (r.region() == null || !r.region().matches("[1-9][0-9]{5}")) {
            throw invalid(file, "region", "must be a 6-digit administrative division code");
        }
        if (r.fromYear() == null || r.fromYear() < 2000 || r.fromYear() > 2100) {
            throw invalid(file, "fromYear", "must be a year between 2000 and 2100");
        }
        positive(file, "wageBaseFloor", r.wageBaseFloor());
        positive(file, "wageBaseCeiling", r.wageBaseCeiling());
        if (r.wageBaseCeiling().compareTo(r.wageBaseFloor()) < 0) {
            throw invalid(file, "wageBaseCeiling", "is below wageBaseFloor");
        }
        fraction(file, "employerRate", r.employerRate(), MAX_RATE);
        fraction(file, "individualRate", r.individualRate(), MAX_RATE);
        fraction(file, "individualToAccount", r.individualToAccount(), BigDecimal.ONE);
        fraction(file, "employerToAccount", r.employerToAccount(), BigDecimal.ONE);
        if (r.retireeMonthlyAllocation() == null) {
            throw invalid(file, "retireeMonthlyAllocation", "is required");
        }
        if (r.retireeMonthlyAllocation().isNegative()) {
            // refused here, not by the posting's database check a month later (a 500 for the whole month)
            throw invalid(file, "retireeMonthlyAllocation", "must not be negative");
        }
        return r;
    }

    /** The rates for a region in a year: the most specific region, then the latest year not after it. */
    public Optional<EmployeeRates> inForce(String regionCode, int year) {
        return rates.stream()
                .filter(r -> Regions.contains(r.region(), regionCode) && r.fromYear() <= year)
                .max(Comparator.<EmployeeRates>comparingInt(r -> specificity(r.region())).thenComparingInt(EmployeeRates::fromYear));
    }

    public List<EmployeeRates> all() {
        return rates;
    }

    private static int specificity(String regionCode) {
        return regionCode.endsWith("0000") ? 0 : regionCode.endsWith("00") ? 1 : 2;
    }

    private static void positive(String file, String field, Money value) {
        if (value == null || !value.isPositive()) {
            throw invalid(file, field, "is required and more than zero");
        }
    }

    private static void fraction(String file, String field, BigDecimal value, BigDecimal max) {
        if (value == null || value.signum() < 0 || value.compareTo(max) > 0) {
            throw invalid(file, field, "is required, between 0 and " + max.toPlainString());
        }
    }

    private static IllegalStateException invalid(String file, String field, String reason) {
        return new IllegalStateException("contribution-rates/" + file + ": " + field + ": " + reason);
    }
}
