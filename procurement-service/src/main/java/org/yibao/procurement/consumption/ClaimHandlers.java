package org.yibao.procurement.consumption;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;

/** Settlement's claims, counted for VBP completion. */
final class ClaimHandlers {

    private ClaimHandlers() {
    }

    @Component
    static class Settled implements EventHandler<ClaimSettled> {

        private final Consumption consumption;

        Settled(Consumption consumption) {
            this.consumption = consumption;
        }

        @Override
        public void handle(ClaimSettled e, EventMetadata metadata) {
            consumption.settled(e);
        }
    }

    @Component
    static class Reversed implements EventHandler<ClaimReversed> {

        private final Consumption consumption;

        Reversed(Consumption consumption) {
            this.consumption = consumption;
        }

        @Override
        public void handle(ClaimReversed e, EventMetadata metadata) {
            consumption.reversed(e);
        }
    }
}
