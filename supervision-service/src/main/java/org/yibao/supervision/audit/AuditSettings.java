package org.yibao.supervision.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The smart audit's rules across claims, as configuration.
 *
 * @param splitHospitalisationDays a readmission within this many days with a related diagnosis is a
 *                                 split hospitalisation (分解住院)
 * @param testItemPrefixes         item-code prefixes of tests; an admission billed for tests only has
 *                                 no treatment (挂床/检查住院)
 * @param plannedTreatmentDiagnoses ICD-10 codes (or prefixes) of planned staged treatment: a readmission
 *                                 for one of them is planned, not split (the national rules exempt
 *                                 分次治疗); defaults to Z51.0 radiotherapy, Z51.1 chemotherapy for a
 *                                 neoplasm and Z51.2 other chemotherapy sessions (ICD-10 Z51)
 */
@ConfigurationProperties("yibao.supervision.audit")
public record AuditSettings(int splitHospitalisationDays, List<String> testItemPrefixes, List<String> plannedTreatmentDiagnoses) {

    public AuditSettings {
        if (splitHospitalisationDays < 1) {
            throw new IllegalStateException("yibao.supervision.audit.split-hospitalisation-days must be 1 or more");
        }
        testItemPrefixes = testItemPrefixes == null ? List.of() : List.copyOf(testItemPrefixes);
        plannedTreatmentDiagnoses = plannedTreatmentDiagnoses == null ? List.of("Z51.0", "Z51.1", "Z51.2")
                : List.copyOf(plannedTreatmentDiagnoses);
    }
}
