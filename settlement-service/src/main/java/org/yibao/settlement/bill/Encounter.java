package org.yibao.settlement.bill;

import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.AdjudicatedLine;
import org.yibao.settlement.adjudication.Adjudication;
import org.yibao.settlement.adjudication.BillLine;
import org.yibao.settlement.adjudication.Claim;
import org.yibao.settlement.catalog.CatalogItem;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.precheck.PreCheckRequest;
import org.yibao.settlement.precheck.Verdict;
import org.yibao.settlement.readmodel.Enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One bill resolved by {@link Encounters}, everything the calculation needs and checked: the request,
 * the person's enrollment, the policy pack in force, the claim with its priced lines, and the items
 * the catalog did not know (self-paid).
 *
 * @param items the catalog's entries for the bill's item codes
 */
record Encounter(SettleRequest request, Enrollment enrollment, PolicyPack pack, Claim claim, List<String> uncatalogued,
                 Map<String, CatalogItem> items) {

    /** The year of the service date, whose accumulators the bill counts towards. */
    int year() {
        return request.serviceDate().getYear();
    }

    /** What supervision's real-time audit is asked about this bill. */
    PreCheckRequest preCheckRequest() {
        List<PreCheckRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < claim.lines().size(); i++) {
            // the priced lines are the request's, one for one and in order
            BillLine l = claim.lines().get(i);
            SettleRequest.Line asked = request.lines().get(i);
            lines.add(new PreCheckRequest.Line(l.itemCode(), l.itemClass().name(), l.quantity(), l.unitPrice(), l.amount(),
                    asked.daysOfSupply(), asked.doctorCode()));
        }
        return new PreCheckRequest(request.personId().value(), request.institutionCode(), request.visitType(),
                request.serviceDate(), request.diagnosisCodesOrEmpty(),
                Money.sum(lines.stream().map(PreCheckRequest.Line::amount).toList()), lines, enrollment.personType(),
                request.emergencyOrFalse(), request.admittedAt(), request.dischargedAt(), request.procedureCodesOrEmpty(),
                request.doctorCode(), request.departmentCode(), PreCheckRequest.DURING);
    }

    /** The one-stop bill of this encounter as the adjudicator split it. */
    SettlementView bill(UUID id, SettlementStatus status, Adjudication adjudication, Verdict verdict, Instant settledAt) {
        List<LineView> lines = new ArrayList<>();
        for (int i = 0; i < adjudication.lines().size(); i++) {
            // the adjudicated lines are the request's, one for one and in order
            AdjudicatedLine l = adjudication.lines().get(i);
            SettleRequest.Line asked = request.lines().get(i);
            BillLine b = l.line();
            lines.add(new LineView(b.itemCode(), b.itemName(), b.category(), b.itemClass(),
                    items.containsKey(b.itemCode()), b.quantity(), b.unitPrice(), l.amount(), l.fullSelfPay(),
                    l.priorSelfPay(), b.vbp(), l.paidInFullBy().orElse(null), b.priceCeiling().orElse(null),
                    b.selfPaidBecause().orElse(null), asked.daysOfSupply(), asked.doctorCode()));
        }
        return new SettlementView(id, status, request.messageId(), request.personId().value(), request.institutionCode(),
                enrollment.regionCode(), enrollment.scheme(), request.visitType(), claim.place(), request.serviceDate(),
                request.diagnosisCodesOrEmpty(), adjudication.policyPack(), adjudication.amounts(), lines, uncatalogued,
                verdict, settledAt, null, null, null, new ClaimFacts(enrollment.personType(), request.emergencyOrFalse(),
                request.admittedAt(), request.dischargedAt(), request.procedureCodesOrEmpty(), request.doctorCode(),
                request.departmentCode()));
    }
}
