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

import org.yibao.contracts.time.BeijingTime;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Keeps settlement's local copies of other services' facts (read models) up to date, one method per
 * consumed event (listed in {@code events/ConsumedEvents}); each runs in the transaction that records
 * the event as processed.
 *
 * <p>Every fact is kept over time (ADR 0019): an announcement says what is true from a date on, and a
 * bill is settled by what was true on its service date — an employee who retires from 1 November is
 * paid at the active rate for a bill of 20 October settled in December.
 */
@Service
public class ReadModelService {

    private static final Logger log = LoggerFactory.getLogger(ReadModelService.class);

    private final ReadModelStore store;
    private final InstitutionPeriods institutions;

    public ReadModelService(ReadModelStore store, InstitutionPeriods institutions) {
        this.store = store;
        this.institutions = institutions;
    }

    /** Coverage begins: the first period of the person's year. */
    @Transactional
    public void personEnrolled(PersonEnrolled e) {
        store.upsertEnrollment(new Enrollment(e.personId(), e.year(), e.scheme(), e.personType(), Optional.ofNullable(e.tier()),
                e.regionCode(), EnrollmentStatus.ACTIVE, e.effectiveFrom()));
    }

    /** The enrollment's facts (person type, tier, status) from the change's effective date on. */
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

    /**
     * The person's identity from its first day (a new or changed category), or none from the day it was
     * announced (no longer identified: the earlier identity stays true for the days before).
     */
    @Transactional
    public void assistanceIdentityChanged(AssistanceIdentityChanged e) {
        LocalDate announced = LocalDate.ofInstant(e.changedAt(), BeijingTime.ZONE);
        LocalDate from = e.currentCategory() != null && e.validFrom() != null ? e.validFrom() : announced;
        store.recordAssistanceIdentity(e.personId(), e.currentCategory(), from, e.currentCategory() == null ? null : e.validTo());
    }

    /** The institution's agreement status (and facts) from the day the change took effect. */
    @Transactional
    public void institutionStatusChanged(InstitutionStatusChanged e) {
        LocalDate from = e.effectiveFrom() != null ? e.effectiveFrom() : LocalDate.ofInstant(e.changedAt(), BeijingTime.ZONE);
        institutions.changing(e.institutionCode());
        store.upsertInstitution(new Institution(e.institutionCode(), e.name(), e.regionCode(), e.kind(), e.level(), e.status()),
                from);
    }

    /** A recommended (VBP) catalog; a version not newer than the one held is ignored. */
    @Transactional
    public void vbpCatalogPublished(VbpCatalogPublished e) {
        if (!store.publishCatalog(e)) {
            log.info("catalog {} version {} is not newer than the one held; ignored", e.catalogCode(), e.version());
        }
    }
}
