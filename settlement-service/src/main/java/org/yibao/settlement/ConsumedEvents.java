package org.yibao.settlement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.contracts.events.CertificationChanged;
import org.yibao.contracts.events.ContributionsCollected;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.contracts.events.FilingCancelled;
import org.yibao.contracts.events.FilingRegistered;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.VbpCatalogPublished;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.settlement.readmodel.ReadModelService;
import org.yibao.settlement.account.AccountService;

/**
 * Every event settlement consumes, each kept in a read model: enrollments, remote-treatment filings
 * and chronic/special-disease certifications from enrollment, assistance identities from assistance,
 * institutions' agreements from supervision, recommended (VBP) catalogs from procurement.
 */
@Configuration
class ConsumedEvents {

    @Bean
    EventHandler<PersonEnrolled> personEnrolled(ReadModelService readModels) {
        return EventHandler.of(PersonEnrolled.class, readModels::personEnrolled);
    }

    @Bean
    EventHandler<EnrollmentChanged> enrollmentChanged(ReadModelService readModels) {
        return EventHandler.of(EnrollmentChanged.class, readModels::enrollmentChanged);
    }

    @Bean
    EventHandler<FilingRegistered> filingRegistered(ReadModelService readModels) {
        return EventHandler.of(FilingRegistered.class, readModels::filingRegistered);
    }

    @Bean
    EventHandler<FilingCancelled> filingCancelled(ReadModelService readModels) {
        return EventHandler.of(FilingCancelled.class, readModels::filingCancelled);
    }

    @Bean
    EventHandler<CertificationChanged> certificationChanged(ReadModelService readModels) {
        return EventHandler.of(CertificationChanged.class, readModels::certificationChanged);
    }

    @Bean
    EventHandler<AssistanceIdentityChanged> assistanceIdentityChanged(ReadModelService readModels) {
        return EventHandler.of(AssistanceIdentityChanged.class, readModels::assistanceIdentityChanged);
    }

    @Bean
    EventHandler<InstitutionStatusChanged> institutionStatusChanged(ReadModelService readModels) {
        return EventHandler.of(InstitutionStatusChanged.class, readModels::institutionStatusChanged);
    }

    @Bean
    EventHandler<VbpCatalogPublished> vbpCatalogPublished(ReadModelService readModels) {
        return EventHandler.of(VbpCatalogPublished.class, readModels::vbpCatalogPublished);
    }

    /** Issue 22: contributions as the funds' income, and employees' monthly personal-account credits. */
    @Bean
    EventHandler<ContributionsCollected> contributionsCollected(AccountService accounts) {
        return EventHandler.of(ContributionsCollected.class, accounts::contributionsCollected);
    }
}
