package org.yibao.settlement.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.contracts.events.CertificationChanged;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.FilingCancelled;
import org.yibao.contracts.events.FilingRegistered;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.VbpCatalogPublished;

import java.util.Optional;

/**
 * Keeps settlement's local copies of other services' facts (read models) up to date, one method per
 * consumed event (listed in {@code events/ConsumedEvents}); each runs in the transaction that records
 * the event as processed.
 */
@Service
public class ReadModelService {

    private static final Logger log = LoggerFactory.getLogger(ReadModelService.class);

    private final ReadModelStore store;

    public ReadModelService(ReadModelStore store) {
        this.store = store;
    }

    @Transactional
    public void personEnrolled(PersonEnrolled e) {
        store.upsertEnrollment(new Enrollment(e.personId(), e.year(), e.scheme(), e.personType(), Optional.ofNullable(e.tier()),
                e.regionCode(), EnrollmentStatus.ACTIVE, e.effectiveFrom()));
    }

    @Transactional
    public void enrollmentChanged(EnrollmentChanged e) {
        store.upsertEnrollment(new Enrollment(e.personId(), e.year(), e.scheme(), e.personType(), Optional.ofNullable(e.tier()),
                e.regionCode(), e.status(), e.effectiveFrom()));
    }

    /** A remote-treatment filing, kept for the out-of-area rules. */
    @Transactional
    public void filingRegistered(FilingRegistered e) {
        store.upsertFiling(new RemoteFiling(e.filingId(), e.personId(), e.destinationRegionCode(), e.validFrom(),
                Optional.ofNullable(e.validTo())));
    }

    @Transactional
    public void filingCancelled(FilingCancelled e) {
        store.cancelFiling(e.filingId(), e.lastDay());
    }

    @Transactional
    public void certificationChanged(CertificationChanged e) {
        store.upsertCertification(new Certification(e.certificationId(), e.personId(), e.diseaseCode(), e.diseaseName(),
                e.status(), e.validFrom(), Optional.ofNullable(e.validTo())));
    }

    @Transactional
    public void assistanceIdentityChanged(AssistanceIdentityChanged e) {
        store.upsertAssistanceIdentity(e.personId(), e.currentCategory(), e.validFrom(), e.validTo());
    }

    @Transactional
    public void institutionStatusChanged(InstitutionStatusChanged e) {
        store.upsertInstitution(new Institution(e.institutionCode(), e.name(), e.regionCode(), e.kind(), e.level(), e.status()));
    }

    /** A recommended (VBP) catalog; a version not newer than the one held is ignored. */
    @Transactional
    public void vbpCatalogPublished(VbpCatalogPublished e) {
        if (!store.publishCatalog(e)) {
            log.info("catalog {} version {} is not newer than the one held; ignored", e.catalogCode(), e.version());
        }
    }
}
