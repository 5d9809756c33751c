package org.yibao.assistance.tracking;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;

/** Settlement's claims, followed for assistance tracking and the poverty-risk warning. */
final class ClaimHandlers {

    private ClaimHandlers() {
    }

    @Component
    static class Settled implements EventHandler<ClaimSettled> {

        private final ClaimTracking tracking;

        Settled(ClaimTracking tracking) {
            this.tracking = tracking;
        }

        @Override
        public void handle(ClaimSettled e, EventMetadata metadata) {
            tracking.settled(e);
        }
    }

    @Component
    static class Reversed implements EventHandler<ClaimReversed> {

        private final ClaimTracking tracking;

        Reversed(ClaimTracking tracking) {
            this.tracking = tracking;
        }

        @Override
        public void handle(ClaimReversed e, EventMetadata metadata) {
            tracking.reversed(e);
        }
    }
}
