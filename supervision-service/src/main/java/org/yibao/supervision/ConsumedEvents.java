package org.yibao.supervision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.supervision.audit.SmartAuditService;
import org.yibao.supervision.nationalcatalog.NationalCatalogService;

/**
 * Every event supervision-service consumes: settlement's claims, audited as they are settled, and
 * settlement's reimbursement catalog, kept as a copy for the audit's price ceilings and the pre-check's
 * restricted-payment conditions.
 */
@Configuration
class ConsumedEvents {

    @Bean
    EventHandler<ClaimSettled> claimSettled(SmartAuditService audit) {
        return EventHandler.of(ClaimSettled.class, audit::audit);
    }

    @Bean
    EventHandler<ClaimReversed> claimReversed(SmartAuditService audit) {
        return EventHandler.of(ClaimReversed.class, audit::reversed);
    }

    @Bean
    EventHandler<CatalogChanged> catalogChanged(NationalCatalogService catalog) {
        return EventHandler.of(CatalogChanged.class, catalog::changed);
    }
}
