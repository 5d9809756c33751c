package org.yibao.procurement.consumption;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;

/** Settlement's claims, counted for VBP completion. */
@Configuration
class ClaimEvents {

    @Bean
    EventHandler<ClaimSettled> claimSettled(Consumption consumption) {
        return EventHandler.of(ClaimSettled.class, consumption::settled);
    }

    @Bean
    EventHandler<ClaimReversed> claimReversed(Consumption consumption) {
        return EventHandler.of(ClaimReversed.class, consumption::reversed);
    }
}
