package org.yibao.settlement.events;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;
import org.yibao.settlement.readmodel.Enrollment;
import org.yibao.settlement.readmodel.ReadModels;

import java.util.Optional;

@Component
class EnrollmentChangedHandler implements EventHandler<EnrollmentChanged> {

    private final ReadModels readModels;

    EnrollmentChangedHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void handle(EnrollmentChanged e, EventMetadata metadata) {
        readModels.upsertEnrollment(new Enrollment(e.personId(), e.year(), e.scheme(), e.personType(), Optional.ofNullable(e.tier()), e.regionCode(),
                e.status(), e.effectiveFrom()));
    }
}
