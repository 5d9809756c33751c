package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A chronic or special-disease certification (门诊慢特病认定) was applied for, decided, or revoked. A
 * person may hold several, one per disease.
 *
 * @param diseaseCode ICD-10 category of the certified disease, e.g. I10 (hypertension) or E11
 *                    (type 2 diabetes); a bill's diagnosis codes match it by prefix
 * @param validTo     last day the certification is in force; null means no end
 */
@EventType(name = "CertificationChanged", version = 1, topic = Topics.CERTIFICATIONS)
public record CertificationChanged(
        String certificationId,
        String personId,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        CertificationStatus status,
        LocalDate validFrom,
        LocalDate validTo,
        Instant changedAt) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return personId;
    }
}
