package org.yibao.enrollment.events;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.enrollment.enrollment.EnrollmentService;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;

/** Subsidises, and if need be enrolls, people as soon as assistance-service identifies them. */
@Component
class AssistanceIdentityChangedHandler implements EventHandler<AssistanceIdentityChanged> {

    private final EnrollmentService enrollments;

    AssistanceIdentityChangedHandler(EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public void handle(AssistanceIdentityChanged e, EventMetadata metadata) {
        enrollments.onAssistanceIdentity(e);
    }
}
