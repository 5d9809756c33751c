package org.yibao.assistance.tracking;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;

/** Settlement's claims, followed for assistance tracking and the poverty-risk warning. */
@Configuration
class ClaimEvents {

    @Bean
    EventHandler<ClaimSettled> claimSettled(ClaimTracking tracking) {
        return EventHandler.of(ClaimSettled.class, tracking::settled);
    }

    @Bean
    EventHandler<ClaimReversed> claimReversed(ClaimTracking tracking) {
        return EventHandler.of(ClaimReversed.class, tracking::reversed);
    }
}
