package org.yibao.casemix;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.casemix.inpatient.CaseLedger;
import org.yibao.casemix.list.ListService;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.messaging.consumer.EventHandler;

/**
 * Every event casemix-service consumes: settlement's claims (the inpatient stays, which a settlement list is checked
 * against and a DIP price starts from) and their reversals, and supervision's institution changes (each institution's
 * region and level: its rules and coefficient).
 */
@Configuration
class ConsumedEvents {

    /** An inpatient stay settled; a list uploaded before it is checked now. */
    @Bean
    EventHandler<ClaimSettled> claimSettled(CaseLedger cases, ListService lists) {
        return EventHandler.of(ClaimSettled.class, e -> {
            if (cases.settled(e)) {
                lists.stayArrived(e.settlementId());
            }
        });
    }

    @Bean
    EventHandler<ClaimReversed> claimReversed(CaseLedger cases) {
        return EventHandler.of(ClaimReversed.class, cases::reversed);
    }

    @Bean
    EventHandler<InstitutionStatusChanged> institutionStatusChanged(CaseLedger cases) {
        return EventHandler.of(InstitutionStatusChanged.class, cases::institutionChanged);
    }
}
