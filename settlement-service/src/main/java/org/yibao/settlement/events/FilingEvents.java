package org.yibao.settlement.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.contracts.events.FilingCancelled;
import org.yibao.contracts.events.FilingRegistered;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.settlement.readmodel.ReadModels;
import org.yibao.settlement.readmodel.RemoteFiling;

import java.util.Optional;

/** Remote-treatment filings, kept for the out-of-area rules. */
@Configuration
class FilingEvents {

    @Bean
    EventHandler<FilingRegistered> filingRegistered(ReadModels readModels) {
        return EventHandler.of(FilingRegistered.class, e -> readModels.upsertFiling(new RemoteFiling(e.filingId(),
                e.personId(), e.destinationRegionCode(), e.validFrom(), Optional.ofNullable(e.validTo()))));
    }

    @Bean
    EventHandler<FilingCancelled> filingCancelled(ReadModels readModels) {
        return EventHandler.of(FilingCancelled.class, e -> readModels.cancelFiling(e.filingId(), e.lastDay()));
    }
}
