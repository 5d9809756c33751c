package org.yibao.contracts;

import java.util.List;

/**
 * Every topic on the platform. One topic per stream of facts about one kind of subject; a topic
 * carries several event types, and the envelope's {@code type} tells them apart.
 */
public final class Topics {

    public static final String ENROLLMENTS = "enrollment.enrollments";
    public static final String FILINGS = "enrollment.filings";
    public static final String CERTIFICATIONS = "enrollment.certifications";
    /** Contributions entered into the funds, per person and month (ContributionsCollected). */
    public static final String CONTRIBUTIONS = "enrollment.contributions";
    public static final String CLAIMS = "settlement.claims";
    public static final String ASSISTANCE_IDENTITIES = "assistance.identities";
    public static final String POVERTY_RISKS = "assistance.poverty-risks";
    public static final String INSTITUTIONS = "supervision.institutions";
    public static final String VIOLATIONS = "supervision.violations";
    /** What became of the smart audit's findings: reviewers' outcomes and withdrawals (ViolationReviewed). */
    public static final String VIOLATION_REVIEWS = "supervision.violation-reviews";
    public static final String FUND_RECOVERIES = "supervision.fund-recoveries";
    /** Claim reviews' decisions and their appeals' outcomes (ClaimReviewDecided, ClaimReviewAppealDecided). */
    public static final String CLAIM_REVIEWS = "supervision.claim-reviews";
    public static final String VBP_CATALOGS = "procurement.vbp-catalogs";
    public static final String CATALOG = "settlement.catalog";
    /** Maternity allowances (生育津贴) granted to employees (MaternityAllowanceGranted). */
    public static final String MATERNITY_ALLOWANCES = "settlement.maternity-allowances";
    /** The long-term care fund's payments: institutions' monthly bills and home-care payments (CareBenefitPaid). */
    public static final String CARE_PAYMENTS = "care.payments";
    /** The fund clearing's approved monthly payment orders to designated institutions (PaymentOrderIssued). */
    public static final String PAYMENT_ORDERS = "clearing.payment-orders";
    /** What paying inpatient care by group changes of the funds' item-by-item payments (DipPaymentAdjusted). */
    public static final String CASEMIX_ADJUSTMENTS = "casemix.adjustments";

    public static final List<String> ALL = List.of(
            ENROLLMENTS, FILINGS, CERTIFICATIONS, CONTRIBUTIONS, CLAIMS, ASSISTANCE_IDENTITIES, POVERTY_RISKS,
            INSTITUTIONS, VIOLATIONS, VIOLATION_REVIEWS, FUND_RECOVERIES, CLAIM_REVIEWS, VBP_CATALOGS, CATALOG, MATERNITY_ALLOWANCES, CARE_PAYMENTS,
            PAYMENT_ORDERS, CASEMIX_ADJUSTMENTS);

    /** Suffix of the dead-letter topic that holds what a consumer of a topic could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
