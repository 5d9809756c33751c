package org.yibao.enrollment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.enrollment.enrollment.EnrollmentService;
import org.yibao.messaging.consumer.EventHandler;

/** Every event enrollment-service consumes, and the use case each one feeds: its whole subscription on one page. */
@Configuration
class ConsumedEvents {

    /** Subsidises, and if need be enrolls, people as soon as assistance-service identifies them. */
    @Bean
    EventHandler<AssistanceIdentityChanged> assistanceIdentityChanged(EnrollmentService enrollments) {
        return EventHandler.of(AssistanceIdentityChanged.class, enrollments::onAssistanceIdentity);
    }
}
