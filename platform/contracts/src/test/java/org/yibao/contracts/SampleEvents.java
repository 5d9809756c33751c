package org.yibao.contracts;

import org.yibao.contracts.events.*;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One realistic instance of every published event, for contract tests. */
final class SampleEvents {

    static final String PERSON = "11010519491231002" + ResidentId.checkCharacter("11010519491231002");

    static SettlementAmounts amounts() {
        // Jiangjin 2023 outpatient example: 464.90 billed, 271.40 reimbursed, 193.50 paid by the person
        return new SettlementAmounts(Money.of("464.90"), Money.of("20.00"), Money.of("4.50"), Money.of("440.40"),
                Money.of("0.00"), Money.of("271.40"), Money.ZERO, Money.ZERO, Money.ZERO, Money.of("100.00"),
                Money.of("93.50"));
    }

    static List<ClaimLine> lines() {
        return List.of(new ClaimLine("XC09AAA001A001010100001", "氨氯地平片", ItemCategory.DRUG, ItemClass.A,
                new BigDecimal("2"), Price.of(Money.of("12.25")), Money.of("24.50"), Money.ZERO, true, 28, "D441700000123"));
    }

    static List<IntegrationEvent> all() {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");
        return List.of(
                new ClaimSettled("S-1", PERSON, "H50011600001", "500116", Scheme.EMPLOYEE,
                        VisitType.GENERAL_OUTPATIENT, 2023, LocalDate.parse("2023-05-04"), List.of("I10"), now,
                        "jiangjin-2023@1", amounts(),
                        new AssistanceLimit(AssistanceCategory.MINIMUM_LIVING, Money.of("30000.00"), Money.of("29000.00")), lines(),
                        PersonType.EMPLOYEE_ACTIVE, false, null, null, List.of(), "D441700000123", "A03"),
                new ClaimSettled("S-3", PERSON, "H50011600001", "500116", Scheme.EMPLOYEE,
                        VisitType.INPATIENT, 2023, LocalDate.parse("2023-05-13"), List.of("I21.0"), now,
                        "jiangjin-2023@1", amounts(), null, lines(), PersonType.EMPLOYEE_RETIRED, true,
                        LocalDateTime.parse("2023-05-04T22:15:00"), LocalDateTime.parse("2023-05-13T10:00"),
                        List.of("36.0601", "88.5501"), "D441700000123", "A03"),
                new ClaimReversed("R-1", "S-1", PERSON, "H50011600001", "500116", Scheme.EMPLOYEE,
                        VisitType.GENERAL_OUTPATIENT, 2023, now, "wrong patient", amounts(), lines()),
                new AssistanceIdentityChanged(PERSON, "150100", null, AssistanceCategory.MINIMUM_LIVING,
                        LocalDate.parse("2022-01-01"), null, List.of("civil-affairs"), now),
                new PersonEnrolled(PERSON, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, 2019,
                        LocalDate.parse("2019-01-01"), now),
                new EnrollmentChanged(PERSON, "441700", Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED, EmploymentTier.EMPLOYER, 2019,
                        EnrollmentStatus.ACTIVE, LocalDate.parse("2019-07-01"), "retired", now),
                new InstitutionStatusChanged("H41040000012", "平顶山市第一人民医院", "410400", InstitutionKind.HOSPITAL,
                        InstitutionLevel.LEVEL_3, AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED,
                        LocalDate.parse("2020-06-01"), "split hospitalisation", now),
                new FilingRegistered("F-1", PERSON, "441700", "440100", "long-term residence", LocalDate.parse("2019-03-01"),
                        null, now),
                // Jiangjin 2023, wage base 6,000.00: employer 8% 480.00, individual 2% 120.00 wholly to the account
                new ContributionsCollected(PERSON, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, "2023-05",
                        Money.of("6000.00"), Money.of("480.00"), Money.of("120.00"), Money.of("120.00"), Money.ZERO, Money.ZERO,
                        Money.ZERO, "500116-2023", now),
                new ContributionsCollected(PERSON, "441700", Scheme.RESIDENT, PersonType.RESIDENT, "2019-01", null, Money.ZERO,
                        Money.ZERO, Money.ZERO, Money.of("220.00"), Money.of("30.00"), Money.of("520.00"), "441700-2019", now),
                new FilingCancelled("F-1", PERSON, LocalDate.parse("2019-06-30"), "returned home", now),
                new CertificationChanged("C-1", PERSON, "150100", "I10", "高血压", CertificationStatus.APPROVED,
                        LocalDate.parse("2022-02-01"), LocalDate.parse("2024-01-31"), now),
                new PovertyRiskFlagged(PERSON, "150100", 2022, PovertyRiskFlagged.PovertyRisk.RELAPSE,
                        AssistanceCategory.LIFTED_OUT_OF_POVERTY, Money.of("12500.00"), Money.of("10000.00"), "ABSOLUTE", now),
                new ViolationDetected("V-1", AuditRule.SPLIT_HOSPITALISATION, List.of("S-2", "S-1"), PERSON, "H41040000012",
                        "410400", 2020, Money.of("8000.00"), List.of("readmitted 3 days after discharge with I63"), now,
                        "SH-01", Severity.SUSPECT),
                new ViolationReviewed("V-1", AuditRule.SPLIT_HOSPITALISATION, "S-2", "H41040000012", ReviewOutcome.CONFIRMED,
                        Money.of("8000.00"), "reviewer-7", now, "readmitted for the same stroke"),
                new ClaimReviewDecided("R-1", "S-2", "H41040000012", List.of(
                        new ClaimReviewDecided.Line(2, "S120100001", Money.of("40.00"), "NOT_MEDICALLY_NECESSARY", "重复收费"),
                        new ClaimReviewDecided.Line(3, "XC08CAA001A001010100001", Money.of("12.50"), "EXCESSIVE_QUANTITY", null)),
                        Money.of("52.50"), "reviewer-7", now, LocalDate.parse("2026-04-17")),
                new ClaimReviewAppealDecided("R-1", "S-2", "H41040000012", Money.of("40.00"), List.of(
                        new ClaimReviewAppealDecided.Line(2, Money.of("40.00"), Money.of("40.00"), "WITHDRAWN"),
                        new ClaimReviewAppealDecided.Line(3, Money.of("12.50"), Money.of("0.00"), "UPHELD")),
                        "reviewer-9", now),
                new FundRecoveryOrdered("CASE-1", "H41040000012", "410400", Money.of("59073.80"), List.of("S-1"),
                        "split hospitalisation", now),
                new CatalogChanged("import-7", 1, 1, List.of(
                        new CatalogChanged.Entry("XC08CAA001A001010100001", LocalDate.parse("2026-01-01"), 42, false, "苯磺酸氨氯地平片",
                                ItemCategory.DRUG, ItemClass.B, null, Money.of("0.30"),
                                java.util.Map.of(InstitutionLevel.LEVEL_3, Money.of("0.28")), new BigDecimal("0.1000"), true,
                                List.of(new CatalogChanged.Restriction("DIAGNOSES", "I10,I11", "限高血压"))),
                        new CatalogChanged.Entry("XL01XEG001A001010100099", LocalDate.parse("2025-01-01"), 43, true, null, null, null,
                                null, null, null, null, false, null)), now),
                new CareBenefitPaid("CB-1", PERSON, "500116", CareSetting.INSTITUTION, "C50011600001", "2023-04",
                        List.of(new CareBenefitPaid.Period(CareLevel.LEVEL_3, LocalDate.parse("2023-04-01"), LocalDate.parse("2023-04-15"),
                                        15, Money.of("750.00")),
                                new CareBenefitPaid.Period(CareLevel.LEVEL_5, LocalDate.parse("2023-04-16"), LocalDate.parse("2023-04-30"),
                                        15, Money.of("1050.00"))),
                        Money.of("1800.00"), Money.of("1260.00"), Money.of("540.00"), now),
                // 4,500.00 / 30 x 128 days (98 + 15 caesarean + 15 twins) = 19,200.00
                new MaternityAllowanceGranted("MA-1", PERSON, "411700", Scheme.EMPLOYEE, "zhumadian-2021-employee@2",
                        LocalDate.parse("2021-06-01"), DeliveryKind.CAESAREAN, 2, Money.of("4500.00"), 128, 98, 15, 15, 0,
                        Money.of("19200.00"), "staff-7", now),
                // resident pooling 10,000.00 owed: 500.00 withheld (5%), 1,200.00 deducted, 8,300.00 paid
                new PaymentOrderIssued("PO-1", "H41170200001", "411700", "2026-10",
                        List.of(new PaymentOrderIssued.Line("RESIDENT_POOLING", Money.of("10000.00"), Money.of("500.00"),
                                Money.of("1200.00"), Money.of("0.00"), Money.of("0.00"), Money.of("8300.00"))),
                        Money.of("8300.00"), "clearing-officer-1", "clearing-officer-2", now),
                // 90,000.00 prepaid, recovered in three instalments of 30,000.00
                new PrepaymentIssued("PP-1", "H41170200001", "RESIDENT_POOLING", Money.of("90000.00"), "epidemic treatment (ASSUMPTION)",
                        List.of(new PrepaymentIssued.Instalment("2026-11", Money.of("30000.00")),
                                new PrepaymentIssued.Instalment("2026-12", Money.of("30000.00")),
                                new PrepaymentIssued.Instalment("2027-01", Money.of("30000.00"))),
                        "clearing-officer-1", "clearing-officer-2", now),
                // budget 1,200,000.00, claims 1,050,000.00: 72,000.00 of the surplus retained, the 52,500.00 deposit released
                new YearEndClearingIssued("YE-1", "H41170200001", "411700", 2026, new java.math.BigDecimal("92.00"),
                        List.of(new YearEndClearingIssued.Line("RESIDENT_POOLING", Money.of("1200000.00"), Money.of("1050000.00"),
                                Money.of("72000.00"), Money.of("0.00"), Money.of("1122000.00"), Money.of("0.00"), Money.of("52500.00"),
                                Money.of("0.00"), Money.of("124500.00"), Money.of("52500.00"), Money.of("0.00"), Money.of("997500.00"))),
                        Money.of("124500.00"), Money.ZERO, "clearing-officer-1", "clearing-officer-2", now),
                // December's 7 stays: their DIP payments 46,700.02 against 46,200.00 item by item
                new DipPaymentAdjusted("DIP-411787-2025-v1-PROVISIONAL-H41178700001-2025-12-RESIDENT-1", "H41178700001", "411787",
                        Scheme.RESIDENT, "2025-12", "PROVISIONAL", "DIP", "411787-2025-v1", 7, Money.of("500.02"), now),
                new VbpCatalogPublished("LIANGBING", 1, "两病用药推荐目录", "500116", LocalDate.parse("2023-01-01"),
                        List.of(new VbpCatalogPublished.Item("XC08CAA001A001010100001", "氨氯地平")), now));
    }

    private SampleEvents() {
    }
}
