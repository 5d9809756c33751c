package org.yibao.gateway.identity;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientRegistryTest {

    private static final String HASH = "{bcrypt}$2a$10$zC2H.1OoHN75K09vxQ/3eu5umwFtEzFfMeRrLMrZZXmCY0CJfvQcy";

    @Test
    void theLocalClientsLoadAndCheckTheirSecrets() {
        ClientRegistry clients = ClientRegistry.load(new DefaultResourceLoader(), "classpath:local-clients.yml");

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
}
