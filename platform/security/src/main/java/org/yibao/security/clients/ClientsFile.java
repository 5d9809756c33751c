package org.yibao.security.clients;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A clients file ({@code local-clients.yml}, or a bureau's own) as it is written (YAML), bound by
 * Jackson with the file's own key names. Shapes only: what a client must be (an id of the allowed
 * characters, a password hash, a known kind and roles, an institution or department where its kind
 * needs one, an id registered once) is checked when {@link ClientRegistry} turns it into
 * {@link RegisteredClient}s. Kind and roles are bound as names and checked there, so that a refusal
 * names the client by its id.
 */
record ClientsFile(List<Client> clients) {

    /** One registered client; {@code secret} is a password hash ({@code {bcrypt}...}), never the secret. */
    record Client(String id, String secret, String kind, String institution, String department, List<String> roles,
                  @JsonProperty("rate-limit") Limit rateLimit) {
    }

    /** A rate limit other than its kind's default: {@code {burst: <calls>, per-second: <calls>}}. */
    record Limit(Integer burst, @JsonProperty("per-second") Double perSecond) {
    }
}
