package org.yibao.supervision.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;

/** Settlement's claims, audited as they are settled. */
@Configuration
class ClaimEvents {

    @Bean
    EventHandler<ClaimSettled> claimSettled(SmartAudit audit) {
        return EventHandler.of(ClaimSettled.class, audit::audit);
    }

    @Bean
    EventHandler<ClaimReversed> claimReversed(SmartAudit audit) {
        return EventHandler.of(ClaimReversed.class, e -> audit.reversed(e.settlementId()));
    }
}
