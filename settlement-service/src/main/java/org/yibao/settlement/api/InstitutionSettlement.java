package org.yibao.settlement.api;

import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.bill.SettlementView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A settlement as an institution's reconciliation (对账, the national interface's 3201/3202) reads it:
 * its amounts in yuan, without lines.
 *
 * @param funds      what the funds paid: basic fund, catastrophic, supplementary and assistance together
 * @param reversalId the reversal's id, or null while the settlement stands
 * @param reversedAt when it was reversed, or null
 */
record InstitutionSettlement(UUID id, String messageId, String personId, Scheme scheme, VisitType visitType,
                             LocalDate serviceDate, Instant settledAt, UUID reversalId, Instant reversedAt, Money total,
                             Money funds, Money personalAccount, Money cash) {

    static InstitutionSettlement of(SettlementView s) {
        var a = s.amounts();
        return new InstitutionSettlement(s.id(), s.messageId(), s.personId(), s.scheme(), s.visitType(), s.serviceDate(),
                s.settledAt(), s.reversalId(), s.reversedAt(), a.total(),
                a.basicFund().plus(a.catastrophic()).plus(a.supplementary()).plus(a.assistance()), a.personalAccount(),
                a.cash());
    }
}
