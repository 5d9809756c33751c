package org.yibao.care;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.care.enrollment.EnrollmentFacts;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.messaging.consumer.EventHandler;

/**
 * Every event care-service consumes: enrollment's facts, kept as a history by effective date (who is
 * enrolled in basic medical insurance on a date may apply; the end of enrollment ends the benefit).
 */
@Configuration
class ConsumedEvents {

    @Bean
    EventHandler<PersonEnrolled> personEnrolled(EnrollmentFacts facts) {
        return EventHandler.of(PersonEnrolled.class, facts::enrolled);
    }

    @Bean
    EventHandler<EnrollmentChanged> enrollmentChanged(EnrollmentFacts facts) {
        return EventHandler.of(EnrollmentChanged.class, facts::changed);
    }
}
