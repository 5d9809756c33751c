package org.yibao.settlement.events;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.FilingCancelled;
import org.yibao.contracts.events.FilingRegistered;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;
import org.yibao.settlement.readmodel.ReadModels;
import org.yibao.settlement.readmodel.RemoteFiling;

import java.util.Optional;

/** Remote-treatment filings, kept for the out-of-area rules. */
final class FilingHandlers {

    private FilingHandlers() {
    }

    @Component
    static class Registered implements EventHandler<FilingRegistered> {

        private final ReadModels readModels;

        Registered(ReadModels readModels) {
            this.readModels = readModels;
        }

        @Override
        public void handle(FilingRegistered e, EventMetadata metadata) {
            readModels.upsertFiling(new RemoteFiling(e.filingId(), e.personId(), e.destinationRegionCode(), e.validFrom(),
                    Optional.ofNullable(e.validTo())));
        }
    }

    @Component
    static class Cancelled implements EventHandler<FilingCancelled> {

        private final ReadModels readModels;

        Cancelled(ReadModels readModels) {
            this.readModels = readModels;
        }

        @Override
        public void handle(FilingCancelled e, EventMetadata metadata) {
            readModels.cancelFiling(e.filingId(), e.lastDay());
        }
    }
}
