package org.yibao.settlement.events;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.RemoteFilingChanged;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;
import org.yibao.settlement.readmodel.ReadModels;
import org.yibao.settlement.readmodel.RemoteFiling;

import java.util.Optional;

@Component
class RemoteFilingChangedHandler implements EventHandler<RemoteFilingChanged> {

    private final ReadModels readModels;

    RemoteFilingChangedHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void handle(RemoteFilingChanged e, EventMetadata metadata) {
        readModels.upsertFiling(new RemoteFiling(e.filingId(), e.personId(), e.destinationRegionCode(), e.validFrom(),
                Optional.ofNullable(e.validTo()), e.status()));
    }
}
