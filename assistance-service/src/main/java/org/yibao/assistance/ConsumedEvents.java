package org.yibao.assistance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.assistance.tracking.ClaimTracking;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;

/** Every event assistance-service consumes: settlement's claims, for assistance tracking and the poverty-risk warning. */
@Configuration
class ConsumedEvents {

    @Bean
    EventHandler<ClaimSettled> claimSettled(ClaimTracking tracking) {
        return EventHandler.of(ClaimSettled.class, tracking::settled);
    }

    @Bean
    EventHandler<ClaimReversed> claimReversed(ClaimTracking tracking) {
        return EventHandler.of(ClaimReversed.class, tracking::reversed);
    }
}
