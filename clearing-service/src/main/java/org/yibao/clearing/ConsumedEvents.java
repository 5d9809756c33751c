package org.yibao.clearing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.clearing.deduction.DeductionLedger;
import org.yibao.clearing.owed.OwedLedger;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimReviewAppealDecided;
import org.yibao.contracts.events.ClaimReviewDecided;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.DipPaymentAdjusted;
import org.yibao.contracts.events.FundRecoveryOrdered;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.messaging.consumer.EventHandler;

/**
 * Every event clearing-service consumes: settlement's claims and their reversals (what the funds owe each
 * institution), supervision's claim reviews, their appeals and recovery orders (what is deducted from its payments
 * and given back; a finding's own ViolationReviewed moves no money, ADR 0024), and
 * supervision's institution changes (each institution's own region, hence its clearing rules).
 */
@Configuration
class ConsumedEvents {

    @Bean
    EventHandler<ClaimSettled> claimSettled(OwedLedger owed) {
        return EventHandler.of(ClaimSettled.class, owed::settled);
    }

    /** A reversal takes the claim off what is owed, and gives back what is still deducted on it. */
    @Bean
    EventHandler<ClaimReversed> claimReversed(OwedLedger owed, DeductionLedger deductions) {
        return EventHandler.of(ClaimReversed.class, e -> {
            owed.reversed(e);
            deductions.claimReversed(e);
        });
    }

    /** An institution's own region (supervision.institutions), for its clearing rules. */
    @Bean
    EventHandler<InstitutionStatusChanged> institutionStatusChanged(OwedLedger owed) {
        return EventHandler.of(InstitutionStatusChanged.class, owed::institutionChanged);
    }

    /** A claim review's decision: its total deducted (扣款). */
    @Bean
    EventHandler<ClaimReviewDecided> claimReviewDecided(DeductionLedger deductions) {
        return EventHandler.of(ClaimReviewDecided.class, deductions::reviewDecided);
    }

    /** An appeal's decision: what it withdrew given back (申诉). */
    @Bean
    EventHandler<ClaimReviewAppealDecided> claimReviewAppealDecided(DeductionLedger deductions) {
        return EventHandler.of(ClaimReviewAppealDecided.class, deductions::appealDecided);
    }

    /** What DIP changed of a scheme's pooling fund's payments to an institution (casemix.adjustments). */
    @Bean
    EventHandler<DipPaymentAdjusted> dipPaymentAdjusted(OwedLedger owed) {
        return EventHandler.of(DipPaymentAdjusted.class, owed::casemixAdjusted);
    }

    @Bean
    EventHandler<FundRecoveryOrdered> fundRecoveryOrdered(DeductionLedger deductions) {
        return EventHandler.of(FundRecoveryOrdered.class, deductions::recoveryOrdered);
    }
}
