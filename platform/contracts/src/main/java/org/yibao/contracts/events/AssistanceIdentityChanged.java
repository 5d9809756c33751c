package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's current medical-assistance identity changed after merging every department's feed:
 * newly identified, moved to another category, or no longer identified ({@code currentCategory}
 * null).
 *
 * @param sources the departments whose records support the current identity
 */
@EventType(name = "AssistanceIdentityChanged", version = 1, topic = Topics.ASSISTANCE_IDENTITIES)
public record AssistanceIdentityChanged(
        String personId,
        String regionCode,
        AssistanceCategory previousCategory,
        AssistanceCategory currentCategory,
        LocalDate validFrom,
        LocalDate validTo,
        List<String> sources,
        Instant changedAt) implements IntegrationEvent {

    public AssistanceIdentityChanged {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
