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
    MANAGER
}
