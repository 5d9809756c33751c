package org.yibao.supervision.audit;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;

/** Settlement's claims, audited as they are settled. */
final class ClaimHandlers {

    private ClaimHandlers() {
    }

    @Component
    static class Settled implements EventHandler<ClaimSettled> {

        private final SmartAudit audit;

        Settled(SmartAudit audit) {
            this.audit = audit;
        }

        @Override
        public void handle(ClaimSettled e, EventMetadata metadata) {
            audit.audit(e);
        }
    }

    @Component
    static class Reversed implements EventHandler<ClaimReversed> {

        private final SmartAudit audit;

        Reversed(SmartAudit audit) {
            this.audit = audit;
        }

        @Override
        public void handle(ClaimReversed e, EventMetadata metadata) {
            audit.reversed(e.settlementId());
        }
    }
}
