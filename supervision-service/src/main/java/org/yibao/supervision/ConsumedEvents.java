package org.yibao.supervision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.supervision.audit.SmartAuditService;

/** Every event supervision-service consumes: settlement's claims, audited as they are settled. */
@Configuration
class ConsumedEvents {

    @Bean
    EventHandler<ClaimSettled> claimSettled(SmartAuditService audit) {
        return EventHandler.of(ClaimSettled.class, audit::audit);
    }

    @Bean
    EventHandler<ClaimReversed> claimReversed(SmartAuditService audit) {
        return EventHandler.of(ClaimReversed.class, audit::reversed);
    }
}
