package org.yibao.security.access;

import org.junit.jupiter.api.Test;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyTest {

    private final AccessPolicy policy = AccessPolicy.platform();

    @Test
    void admitsByKindAndRoleRefusesOthersAndKnowsNoPathWithoutARule() {
        CallerIdentity his = CallerIdentity.his("his-1", "H1");
        CallerIdentity clerk = CallerIdentity.staff("clerk", Role.ENROLLMENT_CLERK);

        assertThat(policy.decide("POST", "/api/settlement/settlements", his).allowed()).isTrue();
        assertThat(policy.decide("POST", "/api/settlement/settlements", clerk).outcome()).isEqualTo(AccessDecision.Outcome.FORBIDDEN);
        assertThat(policy.decide("POST", "/api/enrollment/persons", clerk).allowed()).isTrue();
        assertThat(policy.decide("HEAD", "/api/settlement/policy-packs", clerk).allowed()).as("GET admits HEAD").isTrue();
        assertThat(policy.decide("DELETE", "/api/settlement/settlements/1", his).outcome()).isEqualTo(AccessDecision.Outcome.NO_RULE);
        assertThat(policy.decide("GET", "/api/settlement/../enrollment/persons", his).allowed()).isFalse();
    }

    @Test
    void aBadPolicyIsRefusedNamingTheRuleAndEntry() {
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  settlement:
                    "POST /api/settlement/settlements": [HIS, CASHIER]"""))
                .hasMessageContaining("services.settlement.\"POST /api/settlement/settlements\"").hasMessageContaining("'CASHIER'");
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  settlement:
                    "POST /api/enrollment/persons": [HIS]"""))
                .hasMessageContaining("must lie under /api/settlement/");
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  settlement:
                    "FETCH /api/settlement/x": [HIS]"""))
                .hasMessageContaining("METHOD");
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  settlement:
                    "GET /api/settlement/x": []"""))
                .hasMessageContaining("must list who may call it");
    }

    @Test
    void aRuleAdmittingInstitutionsOrDepartmentsMustSayOnWhoseObjectsTheyAct() {
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  enrollment:
                    "POST /api/enrollment/filings/{id}/cancellation": [HIS, ENROLLMENT_CLERK]"""))
                .hasMessageContaining("must declare 'owner'");
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  enrollment:
                    "POST /api/enrollment/filings/{id}/cancellation": {callers: [HIS], owner: ANYONE}"""))
                .hasMessageContaining(".owner: 'ANYONE'");
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  enrollment:
                    "POST /api/enrollment/persons": {callers: [ENROLLMENT_CLERK], owner: OBJECT}"""))
                .hasMessageContaining("admits only staff");

        AccessRule revocation = policy.ruleFor("POST", "/api/enrollment/certifications/1/revocation").orElseThrow();
        assertThat(revocation.owner()).isEqualTo(Ownership.OBJECT);
        assertThat(policy.ruleFor("POST", "/api/enrollment/persons").orElseThrow().owner()).isEqualTo(Ownership.STAFF_ONLY);
        assertThat(policy.rules()).filteredOn(AccessRule::admitsInstitutionsOrDepartments)
                .allSatisfy(rule -> assertThat(rule.owner()).isNotEqualTo(Ownership.STAFF_ONLY));
    }

    /** Found by the mutation run (docs/testing.md): the refusal's reason, the most specific rule first, covers, rulesOf, proofs. */
    @Test
    void aRefusalNamesTheRuleAndWhoItIsOpenToAndTheMostSpecificRuleDecides() {
        AccessPolicy small = AccessPolicy.parse("""
                services:
                  enrollment:
                    "GET /api/enrollment/persons/{personId}": {callers: [HIS], owner: PERSON}
                    "GET /api/enrollment/persons/overdue": [ENROLLMENT_CLERK, AUDITOR]""");
        CallerIdentity his = CallerIdentity.his("his-1", "H1");
        CallerIdentity auditor = CallerIdentity.staff("aud", Role.AUDITOR);
        CallerIdentity assistance = CallerIdentity.staff("asst", Role.ASSISTANCE_OFFICER);

        AccessDecision refused = small.decide("GET", "/api/enrollment/persons/overdue", his);
        assertThat(refused.outcome()).isEqualTo(AccessDecision.Outcome.FORBIDDEN);
        assertThat(refused.reason()).contains("HIS client his-1 may not call GET /api/enrollment/persons/overdue")
                .contains("open to staff with role AUDITOR, staff with role ENROLLMENT_CLERK");
        assertThat(small.decide("GET", "/api/enrollment/persons/overdue", auditor).allowed()).isTrue();
        assertThat(small.decide("GET", "/api/enrollment/persons/110105194912310021", his).allowed()).isTrue();
        assertThat(small.decide("GET", "/api/enrollment/persons/110105194912310021", assistance).reason())
                .contains("with roles [ASSISTANCE_OFFICER]").contains("open to HIS");
        assertThat(small.covers("GET", "/api/enrollment/persons/1")).isTrue();
        assertThat(small.covers("POST", "/api/enrollment/persons/1")).isFalse();
        assertThat(small.rulesOf("enrollment")).hasSize(2);
        assertThat(small.rulesOf("settlement")).isEmpty();
        assertThat(small.rules()).extracting(AccessRule::toString).containsExactly(
                "GET /api/enrollment/persons/overdue", "GET /api/enrollment/persons/{personId}");
        assertThat(java.util.Arrays.stream(Ownership.values()).filter(Ownership::needsProof))
                .containsExactlyInAnyOrder(Ownership.REQUEST, Ownership.OBJECT, Ownership.FILTERED);
    }

    /** Shapes the hand-written reader let through: a rule given twice (the last one won), a key it never read. */
    @Test
    void aRepeatedRuleOrAnUnknownKeyIsRefused() {
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  settlement:
                    "GET /api/settlement/reports/{year}": [AUDITOR]
                    "GET /api/settlement/reports/{year}": [HIS]"""))
                .hasMessage("access policy: services.settlement.\"GET /api/settlement/reports/{year}\": is given twice");
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  settlement:
                    "GET /api/settlement/reports/{year}": [AUDITOR]
                default: [MANAGER]"""))
                .hasMessage("access policy: default: is not a known field; expected one of [services]");
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  enrollment:
                    "GET /api/enrollment/persons/{personId}": {callers: [HIS], owner: PERSON, audited: true}"""))
                .hasMessage("access policy: services.enrollment.\"GET /api/enrollment/persons/{personId}\".audited: "
                        + "is not a known field; expected one of [callers, owner]");
        assertThatThrownBy(() -> AccessPolicy.parse("""
                services:
                  enrollment:
                    "GET /api/enrollment/persons/{personId}": HIS"""))
                .hasMessage("access policy: services.enrollment.\"GET /api/enrollment/persons/{personId}\": "
                        + "must list who may call it (client kinds or staff roles)");
    }

    /** Every rule of the shipped policy, read as plain YAML, is the rule the policy holds. */
    @Test
    void theShippedPolicyHoldsWhatTheFileSays() throws Exception {
        JsonNode services;
        try (var in = getClass().getClassLoader().getResourceAsStream(AccessPolicy.RESOURCE)) {
            services = new YAMLMapper().readTree(in).get("services");
        }
        List<String> written = new ArrayList<>();
        services.properties().forEach(service -> service.getValue().properties().forEach(rule -> {
            JsonNode callers = rule.getValue().isArray() ? rule.getValue() : rule.getValue().get("callers");
            Set<String> names = new TreeSet<>();
            callers.forEach(name -> names.add(name.asString()));
            written.add(service.getKey() + " " + rule.getKey() + " " + names + " " + rule.getValue().path("owner").asString("STAFF_ONLY"));
        }));

        assertThat(policy.rules()).extracting(rule -> {
            Set<String> names = new TreeSet<>();
            rule.kinds().forEach(kind -> names.add(kind.name()));
            rule.roles().forEach(role -> names.add(role.name()));
            return rule.service() + " " + rule + " " + names + " " + rule.owner();
        }).containsExactlyInAnyOrderElementsOf(written).hasSizeGreaterThan(50);
    }
}
