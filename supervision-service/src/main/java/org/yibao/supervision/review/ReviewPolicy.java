package org.yibao.supervision.review;

import org.yibao.contracts.money.Money;
import org.yibao.web.config.DataFiles;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Claim review's rules as data ({@code claim-review/claim-review.yml}): the sample of claims audited without a
 * finding that is reviewed all the same (as openIMIS selects claims for review: at random, and by value), the
 * appeal period, and the reasons a deduction may give. Every value is an ASSUMPTION (ADR 0024), checked at
 * start-up: a bad file stops the service naming the field.
 *
 * @param randomRate     share of unflagged claims sampled at random, 0 to 1
 * @param seed           mixed into the hash that makes the random choice, so a bureau can draw a new sample
 * @param valueThreshold yuan: an unflagged claim whose total is at or above it is sampled
 * @param appealDays     calendar days after the decision's (Beijing) date; the last of them is the appeal deadline
 * @param reasonCodes    code → name (Chinese), in the file's order
 */
public record ReviewPolicy(BigDecimal randomRate, String seed, Money valueThreshold, int appealDays, Map<String, String> reasonCodes) {

    static final String FILE = "claim-review/claim-review.yml";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");

    /** The file as written. */
    record File(Sampling sampling, Appeal appeal, List<Reason> reasonCodes) {
    }

    record Sampling(String randomRate, String seed, String valueThreshold) {
    }

    record Appeal(Integer days) {
    }

    record Reason(String code, String name) {
    }

    /** The policy on the classpath. */
    static ReviewPolicy load() {
        List<DataFiles.DataFile> files = DataFiles.onClasspath(FILE);
        if (files.size() != 1) {
            throw new IllegalStateException(FILE + ": expected exactly one such file, found " + files.size());
        }
        return of(files.get(0).name(), DataFiles.read(files.get(0), File.class));
    }

    /** Checks a file's values, naming the field of the first one wrong. */
    static ReviewPolicy of(String name, File f) {
        if (f.sampling() == null) {
            throw DataFiles.invalid(name, "sampling", "is required");
        }
        BigDecimal rate = decimal(name, "sampling.randomRate", f.sampling().randomRate());
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw DataFiles.invalid(name, "sampling.randomRate", "must be between 0 and 1");
        }
        if (f.sampling().seed() == null || f.sampling().seed().isBlank() || f.sampling().seed().length() > 100) {
            throw DataFiles.invalid(name, "sampling.seed", "must be text of 1 to 100 characters");
        }
        BigDecimal threshold = decimal(name, "sampling.valueThreshold", f.sampling().valueThreshold());
        if (threshold.signum() <= 0 || threshold.scale() > 2) {
            throw DataFiles.invalid(name, "sampling.valueThreshold", "must be an amount in yuan above zero, at most 2 decimals");
        }
        if (f.appeal() == null || f.appeal().days() == null || f.appeal().days() < 1 || f.appeal().days() > 366) {
            throw DataFiles.invalid(name, "appeal.days", "must be a whole number of days from 1 to 366");
        }
        if (f.reasonCodes() == null || f.reasonCodes().isEmpty()) {
            throw DataFiles.invalid(name, "reasonCodes", "must list at least one reason");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < f.reasonCodes().size(); i++) {
            Reason r = f.reasonCodes().get(i);
            if (r == null || r.code() == null || !CODE.matcher(r.code()).matches()) {
                throw DataFiles.invalid(name, "reasonCodes[" + i + "].code", "must be 1 to 40 capital letters or underscores");
            }
            if (r.name() == null || r.name().isBlank()) {
                throw DataFiles.invalid(name, "reasonCodes[" + i + "].name", "is required");
            }
            if (codes.put(r.code(), r.name()) != null) {
                throw DataFiles.invalid(name, "reasonCodes[" + i + "].code", r.code() + " is listed twice");
            }
        }
        return new ReviewPolicy(rate, f.sampling().seed(), Money.of(threshold), f.appeal().days(), Map.copyOf(codes));
    }

    private static BigDecimal decimal(String name, String field, String text) {
        try {
            return new BigDecimal(text);
        } catch (NullPointerException | NumberFormatException e) {
            throw DataFiles.invalid(name, field, "must be a decimal number written as text, e.g. \"0.05\"");
        }
    }

    /**
     * Whether a claim audited without a finding is sampled for review, and why: SAMPLED_VALUE when its total is at
     * or above the threshold, else SAMPLED_RANDOM when its draw falls under the rate. The draw is the first 53 bits
     * of SHA-256(seed ":" settlementId) as a fraction of 1, so the same claim is always selected or never.
     */
    Optional<ReviewReason> sample(String settlementId, Money total) {
        if (total.amount().compareTo(valueThreshold.amount()) >= 0) {
            return Optional.of(ReviewReason.SAMPLED_VALUE);
        }
        return draw(seed, settlementId).compareTo(randomRate) < 0 ? Optional.of(ReviewReason.SAMPLED_RANDOM) : Optional.empty();
    }

    /** A claim's draw: a fraction in [0, 1), exact (53 bits over 2^53). */
    static BigDecimal draw(String seed, String settlementId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((seed + ":" + settlementId).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            return new BigDecimal(bits >>> 11).divide(new BigDecimal(1L << 53));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The last (Beijing) day an institution may appeal a decision taken on {@code decidedOn}. */
    LocalDate appealDeadline(LocalDate decidedOn) {
        return decidedOn.plusDays(appealDays);
    }
}
