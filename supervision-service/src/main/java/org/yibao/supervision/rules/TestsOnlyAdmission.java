package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;

import java.util.List;

/** 挂床住院/检查住院: an admission whose every line is a test (a code starting with one of the prefixes). */
@Component
class TestsOnlyAdmission implements RuleType<TestsOnlyAdmission.Params> {

    /** @param testItemPrefixes item-code prefixes of tests, at least one */
    record Params(List<String> testItemPrefixes) {
        Params {
            if (testItemPrefixes == null || testItemPrefixes.isEmpty() || testItemPrefixes.stream().anyMatch(t -> t == null || t.isBlank())) {
                throw new IllegalArgumentException("testItemPrefixes must list at least one item-code prefix");
            }
            testItemPrefixes = List.copyOf(testItemPrefixes);
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
        if (!c.isInpatient() || c.lines().isEmpty()
                || !c.lines().stream().allMatch(l -> p.testItemPrefixes().stream().anyMatch(l.itemCode()::startsWith))) {
            return List.of();
        }
        return List.of(Hit.whole(c, List.of(), "an admission billed for tests only, no treatment (" + c.lines().size() + " test lines)"));
    }
}
