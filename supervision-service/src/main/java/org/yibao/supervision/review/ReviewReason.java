package org.yibao.supervision.review;

/**
 * Why a claim is in the review queue: FLAGGED by the smart audit (a finding kept on it; reviewed first), or
 * sampled although clean, by value (SAMPLED_VALUE) or at random (SAMPLED_RANDOM), as openIMIS selects claims.
 */
public enum ReviewReason { FLAGGED, SAMPLED_VALUE, SAMPLED_RANDOM }
