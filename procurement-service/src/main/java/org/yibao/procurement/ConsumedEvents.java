package org.yibao.procurement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.procurement.consumption.ConsumptionService;
import org.yibao.procurement.nationalcatalog.NationalCatalogService;

/**
 * Every event procurement consumes: settlement's claims, counted for VBP completion, and settlement's
 * reimbursement catalog, kept as a copy that recommended catalogs are checked against.
 */
@Configuration
class ConsumedEvents {

    @Bean
    EventHandler<ClaimSettled> claimSettled(ConsumptionService consumption) {
        return EventHandler.of(ClaimSettled.class, consumption::settled);
    }

    @Bean
    EventHandler<ClaimReversed> claimReversed(ConsumptionService consumption) {
        return EventHandler.of(ClaimReversed.class, consumption::reversed);
    }

    @Bean
    EventHandler<CatalogChanged> catalogChanged(NationalCatalogService catalog) {
        return EventHandler.of(CatalogChanged.class, catalog::changed);
    }
}
