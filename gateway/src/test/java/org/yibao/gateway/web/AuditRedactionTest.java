package org.yibao.gateway.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit line's query: credentials' values redacted, whatever the spelling of their names; everything else kept. */
class AuditRedactionTest {

    @Test
    void codesTokensAndHintsAreRedactedAndTheRestKept() {
        assertThat(RequestIdGlobalFilter.withoutCredentials("code=abc&state=s-1"))
                .isEqualTo("code=[redacted]&state=s-1");
        // a sign-out through the gateway carries the staff member's id token (found by a review)
        assertThat(RequestIdGlobalFilter.withoutCredentials("id_token_hint=eyJ.x.y&post_logout_redirect_uri=%2Fconsole%2F"))
                .isEqualTo("id_token_hint=[redacted]&post_logout_redirect_uri=%2Fconsole%2F");
        assertThat(RequestIdGlobalFilter.withoutCredentials("year=2026&regionCode=441702")).isEqualTo("year=2026&regionCode=441702");
        assertThat(RequestIdGlobalFilter.withoutCredentials("a&&b=&Code=1")).isEqualTo("a&&b=&Code=[redacted]");
    }

    @Test
    void anEncodedNameIsStillACredential() {
        assertThat(RequestIdGlobalFilter.withoutCredentials("%63ode=X&access%5Ftoken=Y&%2563ode=Z&ｃｏｄｅ=W"))
                .isEqualTo("%63ode=[redacted]&access%5Ftoken=[redacted]&%2563ode=[redacted]&ｃｏｄｅ=[redacted]");
    }
}
