package org.yibao.settlement.policy;

/** A small valid pack the reader's and the schema's tests change one field at a time. */
final class PolicyPackReaderTestPacks {

    private PolicyPackReaderTestPacks() {
    }

    static final String VALID = """
            id: test-2024-resident
            version: 2
            region: { code: "441700", name: 测试 }
            scheme: RESIDENT
            effectiveFrom: 2024-01-01
            priorSelfPayRatio: 0.10
            visits:
              INPATIENT:
                capPool: inpatient
                deductibleBasis: PER_ADMISSION
                deductible: { LEVEL_3: "700.00" }
                ratio:
                  RESIDENT: { LEVEL_3: 0.60 }
                annualCap: "100000.00"
            catastrophic:
              threshold: "15000.00"
              bands:
                - { width: "50000.00", ratio: 0.60 }
                - { ratio: 0.70 }
              tilts:
                EXTREME_POVERTY: { thresholdFactor: 0.20, ratio: 0.80, noCap: true }
            """;
}
