package org.yibao.settlement.events;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;
import org.yibao.settlement.readmodel.Institution;
import org.yibao.settlement.readmodel.ReadModels;

@Component
class InstitutionStatusChangedHandler implements EventHandler<InstitutionStatusChanged> {

    private final ReadModels readModels;

    InstitutionStatusChangedHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void handle(InstitutionStatusChanged e, EventMetadata metadata) {
        readModels.upsertInstitution(new Institution(e.institutionCode(), e.name(), e.regionCode(), e.kind(), e.level(),
                e.status()));
    }
}
