package org.yibao.settlement.events;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;
import org.yibao.settlement.readmodel.ReadModels;

@Component
class AssistanceIdentityChangedHandler implements EventHandler<AssistanceIdentityChanged> {

    private final ReadModels readModels;

    AssistanceIdentityChangedHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void handle(AssistanceIdentityChanged e, EventMetadata metadata) {
        readModels.upsertAssistanceIdentity(e.personId(), e.currentCategory(), e.validFrom(), e.validTo());
    }
}
