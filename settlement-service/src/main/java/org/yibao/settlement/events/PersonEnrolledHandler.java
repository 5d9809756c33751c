package org.yibao.settlement.events;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;
import org.yibao.settlement.readmodel.Enrollment;
import org.yibao.settlement.readmodel.ReadModels;

import java.util.Optional;

@Component
class PersonEnrolledHandler implements EventHandler<PersonEnrolled> {

    private final ReadModels readModels;

    PersonEnrolledHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void handle(PersonEnrolled e, EventMetadata metadata) {
        readModels.upsertEnrollment(new Enrollment(e.personId(), e.year(), e.scheme(), e.personType(), Optional.ofNullable(e.tier()), e.regionCode(),
                EnrollmentStatus.ACTIVE, e.effectiveFrom()));
    }
}
