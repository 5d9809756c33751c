package org.yibao.security;

/**
 * The bureau staff roles. Case work needs three different people (查 INVESTIGATOR, 处 DECIDER,
 * 审 REVIEWER); the services check that separation per case, the policy only who may act at all.
 */
public enum Role {
    ENROLLMENT_CLERK,
    ASSISTANCE_OFFICER,
    AUDITOR,
    INVESTIGATOR,
    DECIDER,
    REVIEWER,
    PROCUREMENT_OFFICER,
    MANAGER,
    /** Long-term care: records disability assessments (失能评估员); never decides an assessment of their own. */
    CARE_ASSESSOR,
    /** Long-term care: takes applications, decides assessments, registers care institutions, runs home-care payments (长护经办). */
    CARE_OFFICER,
    /**
     * Fund clearing (基金结算清算): prepares and approves the monthly payment orders to designated institutions;
     * an order is approved by another clearing officer than the one who prepared it.
     */
    CLEARING_OFFICER
}
