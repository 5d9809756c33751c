package org.yibao.security.clients;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientRegistryTest {

    private static final String HASH = "{bcrypt}$2a$10$zC2H.1OoHN75K09vxQ/3eu5umwFtEzFfMeRrLMrZZXmCY0CJfvQcy";

    @Test
    void theLocalClientsLoadAndCheckTheirSecrets() {
        ClientRegistry clients = ClientRegistry.load(new DefaultResourceLoader(), "classpath:org/yibao/security/local-clients.yml");

        assertThat(clients.size()).isGreaterThan(10);
        assertThat(clients.authenticate("his-H44170000003", "local-his-secret")).hasValueSatisfying(c ->
                assertThat(c.identity().institution()).isEqualTo("H44170000003"));
        assertThat(clients.authenticate("his-H44170000003", "wrong")).isEmpty();
        assertThat(clients.authenticate("nobody", "local-his-secret")).isEmpty();
        assertThat(clients.authenticate("city-bureau", "local-city-secret")).isPresent();
        assertThat(clients.authenticate("city-his-H41172400101", "local-city-secret")).hasValueSatisfying(c ->
                assertThat(c.identity().institution()).isEqualTo("H41172400101"));
    }

    @Test
    void aBadEntryIsRefusedNamingTheClientAndField() {
        assertThatThrownBy(() -> ClientRegistry.parse("""
                clients:
                  - {id: his-1, kind: HIS, secret: "plain-secret", institution: H1}""", "clients.yml"))
                .hasMessageContaining("client his-1.secret must be a password hash");
        assertThatThrownBy(() -> ClientRegistry.parse("""
                clients:
                  - {id: his-1, kind: HIS, secret: "%s"}""".formatted(HASH), "clients.yml"))
                .hasMessageContaining("client his-1").hasMessageContaining("needs institution");
        assertThatThrownBy(() -> ClientRegistry.parse("""
                clients:
                  - {id: staff-1, kind: STAFF, roles: [CASHIER], secret: "%s"}""".formatted(HASH), "clients.yml"))
                .hasMessageContaining("client staff-1.roles: CASHIER");
        assertThatThrownBy(() -> ClientRegistry.parse("""
                clients:
                  - {id: d, kind: DEPARTMENT, department: civil-affairs, secret: "%1$s"}
                  - {id: d, kind: DEPARTMENT, department: civil-affairs, secret: "%1$s"}""".formatted(HASH), "clients.yml"))
                .hasMessageContaining("registered twice");
        assertThatThrownBy(() -> ClientRegistry.parse("""
                clients:
                  - {id: his-1, kind: HIS, institution: H1, secret: "%s", rate-limit: {burst: 0, per-second: 1}}""".formatted(HASH), "clients.yml"))
                .hasMessageContaining("client his-1.rate-limit: burst must be at least 1");
    }

    /** Shapes the hand-written reader let through: a misspelt key, a repeated key, a fractional burst, roles not listed. */
    @Test
    void aShapeTheRegistryDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> ClientRegistry.parse("""
                clients:
                  - {id: his-1, kind: HIS, institution: H1, secret: "%s", rate_limit: {burst: 1, per-second: 1}}""".formatted(HASH), "clients.yml"))
                .hasMessage("clients.yml: clients[0].rate_limit is not a known field; expected one of "
                        + "[department, id, institution, kind, rate-limit, roles, secret]");
        assertThatThrownBy(() -> ClientRegistry.parse("""
                clients:
                  - {id: his-1, kind: HIS, institution: H1, institution: H2, secret: "%s"}""".formatted(HASH), "clients.yml"))
                .hasMessage("clients.yml: clients[0].institution is given twice");
        assertThatThrownBy(() -> ClientRegistry.parse("""
                clients:
                  - {id: his-1, kind: HIS, institution: H1, secret: "%s", rate-limit: {burst: 2.5, per-second: 1}}""".formatted(HASH), "clients.yml"))
                .hasMessage("clients.yml: clients[0].rate-limit.burst must be a whole number, was 2.5");
        assertThatThrownBy(() -> ClientRegistry.parse("""
                clients:
                  - {id: staff-1, kind: STAFF, roles: MANAGER, secret: "%s"}""".formatted(HASH), "clients.yml"))
                .hasMessage("clients.yml: clients[0].roles must be a list");
        assertThatThrownBy(() -> ClientRegistry.parse("clients: {id: his-1}", "clients.yml"))
                .hasMessage("clients.yml: 'clients' must be a list");
    }

    /** Every client of the shipped file, read as plain YAML, is the client the registry gives. */
    @Test
    void theLocalClientsAreWhatTheFileSays() throws Exception {
        JsonNode file;
        try (var in = getClass().getClassLoader().getResourceAsStream("org/yibao/security/local-clients.yml")) {
            file = new YAMLMapper().readTree(in).get("clients");
        }
        ClientRegistry clients = ClientRegistry.load(new DefaultResourceLoader(), "classpath:org/yibao/security/local-clients.yml");

        assertThat(clients.size()).isEqualTo(file.size());
        for (JsonNode entry : file) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            entry.path("roles").forEach(role -> roles.add(Role.valueOf(role.asString())));
            JsonNode limit = entry.get("rate-limit");
            assertThat(clients.find(entry.get("id").asString())).contains(new RegisteredClient(
                    new CallerIdentity(entry.get("id").asString(), ClientKind.valueOf(entry.get("kind").asString()),
                            entry.path("institution").asString(null), entry.path("department").asString(null), roles),
                    entry.get("secret").asString(),
                    limit == null ? null : new RateLimit(limit.get("burst").asInt(), limit.get("per-second").asDouble())));
        }
    }
}
