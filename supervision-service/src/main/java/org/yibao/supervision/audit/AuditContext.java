package org.yibao.supervision.audit;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.VisitType;
import org.yibao.supervision.institution.Institution;
import org.yibao.supervision.institution.InstitutionService;
import org.yibao.supervision.nationalcatalog.NationalCatalogService;

import java.util.List;

/**
 * Gathers what the smart audit knows around a settled claim ({@link ClaimUnderAudit}): the person's
 * registered death, their recent inpatient stays, the billing institution's level and the catalog's
 * entries in force on the service date for the claim's items.
 */
@Component
class AuditContext {

    private final AuditStore claims;
    private final AuditSettings settings;
    private final InstitutionService institutions;
    private final NationalCatalogService catalog;

    AuditContext(AuditStore claims, AuditSettings settings, InstitutionService institutions, NationalCatalogService catalog) {
        this.claims = claims;
        this.settings = settings;
        this.institutions = institutions;
        this.catalog = catalog;
    }

    ClaimUnderAudit around(ClaimSettled c) {
        List<ClaimUnderAudit.Stay> stays = c.visitType() != VisitType.INPATIENT
                ? List.of()
                : claims.inpatientStays(c.personId(), c.settlementId(),
                        c.serviceDate().minusDays(settings.splitHospitalisationDays()), c.serviceDate());
        return new ClaimUnderAudit(c, claims.dateOfDeath(c.personId()), stays,
                institutions.find(c.institutionCode()).map(Institution::level),
                catalog.inForce(c.lines().stream().map(ClaimLine::itemCode).toList(), c.serviceDate()));
    }
}
