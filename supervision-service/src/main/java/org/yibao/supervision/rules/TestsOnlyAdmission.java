package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * 检查住院/挂床住院: a stay with no treatment: every line is a test or examination ({@code testItemPrefixes},
 * e.g. laboratory S25, imaging S21-S23, pathology S27) or the stay's own keep ({@code stayItemPrefixes},
 * e.g. the bed S1201 and the daily consultation S1102), and at least one is a test. A real stay bills its
 * bed every day, so a stay of beds and tests only is the pattern, not a stay of tests alone.
 */
@Component
class TestsOnlyAdmission implements RuleType<TestsOnlyAdmission.Params> {

    /**
     * @param testItemPrefixes item-code prefixes of tests and examinations, at least one
     * @param stayItemPrefixes item-code prefixes of the stay's keep (bed, daily consultation), possibly none
     */
    record Params(List<String> testItemPrefixes, List<String> stayItemPrefixes) {
        Params {
            if (testItemPrefixes == null || testItemPrefixes.isEmpty() || testItemPrefixes.stream().anyMatch(t -> t == null || t.isBlank())) {
                throw new IllegalArgumentException("testItemPrefixes must list at least one item-code prefix");
            }
            stayItemPrefixes = stayItemPrefixes == null ? List.of() : stayItemPrefixes;
            if (stayItemPrefixes.stream().anyMatch(t -> t == null || t.isBlank())) {
                throw new IllegalArgumentException("stayItemPrefixes must be item-code prefixes");
            }
            testItemPrefixes = List.copyOf(testItemPrefixes);
            stayItemPrefixes = List.copyOf(stayItemPrefixes);
        }

        /** Tests only, nothing of the stay's keep. */
        Params(List<String> testItemPrefixes) {
            this(testItemPrefixes, List.of());
        }
    }

    @Override
    public String name() {
        return "TESTS_ONLY_ADMISSION";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        long tests = c.lines().stream().filter(l -> p.testItemPrefixes().stream().anyMatch(l.itemCode()::startsWith)).count();
        long keep = c.lines().stream().filter(l -> p.stayItemPrefixes().stream().anyMatch(l.itemCode()::startsWith)).count();
        if (!c.isInpatient() || tests == 0 || tests + keep < c.lines().size()) {
            return List.of();
        }
        return List.of(Hit.whole(c, List.of(), "an admission billed for tests and its keep only, no treatment (" + tests + " test lines, "
                + keep + " bed or consultation lines)"));
    }
}
