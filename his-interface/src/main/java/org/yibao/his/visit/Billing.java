package org.yibao.his.visit;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.VisitType;
import org.yibao.his.national.HisException;
import org.yibao.his.platform.SettlementClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A visit's uploaded details as the platform's one bill: pre-settled or settled by settlement-service
 * (the only place that adjudicates), so that the interface's amounts are the native bill's to the fen.
 *
 * <p><b>Segments</b> (issue 17, input 4). A stay may be settled more than once: a mid-stay settlement
 * (中途结算, {@code mid_setl_flag} 1) bills the details not yet settled and the stay goes on; the final
 * settlement after discharge bills the rest. <b>Cross-year stays</b> (跨年度住院): a settlement bills the
 * details of one calendar year only, rated in that year's pack and accumulators (its service date is
 * the discharge when that falls in the year, otherwise the year's last detail). A final settlement whose
 * remaining details span two years is refused: the earlier year is settled first with mid_setl_flag 1
 * (ASSUMPTION: the common regional rule settles a stay across a year end in two parts, each counted in
 * its own year; a region that counts the whole stay in the discharge year changes this rule).
 *
 * <p><b>Many details</b> (issue 17, input 5). The native API takes at most 500 lines a request. Up to
 * 500 details go line by line; beyond that the details are sent as lines of the same item and unit
 * price summed (a line whose amount is not exactly cnt x pric is sent on its own, so that the total is
 * the details' sum to the fen), so a long stay settles while it holds at most 500 different items and
 * prices.
 */
@Component
public class Billing {

    /** The most lines the native API takes in one bill. */
    public static final int MAX_LINES = 500;

    /**
     * The interface's medical types (med_type) this platform settles, and its own visit types. An
     * emergency (13 急诊, 24 急诊转住院) is settled as a general outpatient visit or a stay and tells settlement
     * it was an emergency (issue 21; ASSUMPTION: the packs have no emergency terms of their own, so an
     * emergency is paid on the general terms and the flag serves the audit's emergency exemptions).
     */
    private static final Map<String, VisitType> VISIT_TYPES = Map.of(
            "11", VisitType.GENERAL_OUTPATIENT,    // 普通门诊
            "13", VisitType.GENERAL_OUTPATIENT,    // 急诊
            "14", VisitType.CHRONIC_OUTPATIENT,    // 门诊慢特病
            "41", VisitType.PHARMACY,              // 定点药店购药
            "21", VisitType.INPATIENT,             // 普通住院
            "24", VisitType.INPATIENT,             // 急诊转住院
            "51", VisitType.PRENATAL_CARE,         // 生育门诊 (maternity insurance: prenatal care)
            "52", VisitType.DELIVERY);             // 生育住院 (maternity insurance: a delivery's stay)

    private final SettlementClient settlement;
    private final VisitStore visits;

    Billing(SettlementClient settlement, VisitStore visits) {
        this.settlement = settlement;
        this.visits = visits;
    }

    public static VisitType visitType(String medType, String field) {
        VisitType type = VISIT_TYPES.get(medType);
        if (type == null) {
            throw HisException.field(field, medType + " is not a medical type this platform settles; one of " + VISIT_TYPES.keySet());
        }
        return type;
    }

    /** The medical types of each kind of visit: an outpatient visit is never billed as a stay, nor a stay as a visit. */
    private static final Map<Visit.Kind, java.util.Set<String>> KIND_TYPES = Map.of(
            Visit.Kind.OUTPATIENT, java.util.Set.of("11", "13", "14", "51"), Visit.Kind.INPATIENT, java.util.Set.of("21", "24", "52"),
            Visit.Kind.PHARMACY, java.util.Set.of("41"));

    /** Refuses a medical type that is not of the visit's kind, naming the field. */
    public static void requireKind(String medType, Visit.Kind kind, String field) {
        visitType(medType, field);
        if (!KIND_TYPES.get(kind).contains(medType)) {
            throw HisException.field(field, medType + " is not a medical type of an " + kind.name().toLowerCase() + " visit; one of "
                    + new java.util.TreeSet<>(KIND_TYPES.get(kind)));
        }
    }

    /** The details one settlement bills, and the day it is billed on. */
    public record Segment(List<FeeLine> lines, LocalDate serviceDate, boolean midStay) {

        public BigDecimal total() {
            return lines.stream().map(FeeLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    /**
     * The details the next settlement of the visit bills (see the class comment).
     *
     * @param midStay   whether the HIS asked for a mid-stay settlement
     * @param flagField the field to name when the stay must be settled year by year
     */
    public Segment segment(Visit visit, boolean midStay, String flagField) {
        List<FeeLine> open = visits.lines(visit.mdtrtId()).stream().filter(l -> l.setlId() == null).toList();
        if (open.isEmpty()) {
            throw HisException.field("data.mdtrt_id", "visit " + visit.mdtrtId() + " has no fee details to settle; upload them first");
        }
        TreeSet<Integer> years = new TreeSet<>();
        open.forEach(l -> years.add(l.feeTime().getYear()));
        int year = years.first();
        if (visit.kind() != Visit.Kind.INPATIENT && years.size() > 1) {
            // an outpatient visit across midnight on New Year's Eve is one bill, on the visit's day
            return new Segment(open, visit.beginsAt().toLocalDate(), false);
        }
        if (years.size() > 1 && !midStay) {
            throw HisException.field(flagField, "the stay's details not yet settled span " + years.first() + " to " + years.last()
                    + "; a stay across a year end is settled year by year: settle " + year + "'s details first with mid_setl_flag 1");
        }
        List<FeeLine> lines = open.stream().filter(l -> l.feeTime().getYear() == year).toList();
        LocalDate last = lines.stream().map(l -> l.feeTime().toLocalDate()).max(LocalDate::compareTo).orElseThrow();
        LocalDate serviceDate;
        if (visit.kind() != Visit.Kind.INPATIENT) {
            serviceDate = visit.beginsAt().toLocalDate();
        } else if (visit.endsAt() != null && visit.endsAt().getYear() == year && years.size() == 1) {
            serviceDate = visit.endsAt().toLocalDate();
        } else {
            serviceDate = last;
        }
        return new Segment(lines, serviceDate, midStay);
    }

    /**
     * The bill of a segment.
     *
     * @param declaredTotal medfee_sumamt as the HIS computed it; it must be the segment's sum
     * @param settle        settle (message id = msgid, so a repeated settle returns the same bill) or only pre-settle
     */
    public SettlementClient.Bill bill(Visit visit, Segment segment, BigDecimal declaredTotal, String msgid, boolean settle) {
        return bill(visit, segment, declaredTotal, msgid, settle, false);
    }

    /**
     * The bill of a segment, paying the person's part from the personal account up to its balance when asked
     * (acct_used_flag 1, issue 22): settlement is asked for the whole total and pays min(total, balance, what the
     * person owes after the funds).
     */
    public SettlementClient.Bill bill(Visit visit, Segment segment, BigDecimal declaredTotal, String msgid, boolean settle,
                                      boolean accountAsked) {
        if (Visit.DELIVERY_MED_TYPE.equals(visit.medType()) && visit.facts().deliveryKind() == null) {
            throw HisException.field("data.mdtrt_id", "a delivery's stay (med_type 52) is settled once its discharge (2402) "
                    + "has given the kind of delivery (matn_type): maternity insurance pays a fixed amount per kind");
        }
        if (declaredTotal.compareTo(segment.total()) != 0) {
            throw HisException.field("data.medfee_sumamt", declaredTotal.toPlainString() + " is not the sum of the details this "
                    + "settlement bills, " + segment.total().toPlainString()
                    + (segment.midStay() || visits.lines(visit.mdtrtId()).stream().anyMatch(l -> l.setlId() != null)
                    ? " (details settled before, and details of another year, are not in it)" : ""));
        }
        // a settlement's key is its visit and segment, not the message: if this interface's transaction is lost after
        // settlement committed (a timeout, a crash), the next settle of the segment, whatever its msgid, gets that bill back
        String key = settle ? visit.mdtrtId() + "-" + (visits.settlementsOf(visit.mdtrtId()) + 1) : msgid;
        SettlementClient.SettleRequest request = request(visit, segment.lines(), segment.serviceDate(), key, "feedetail");
        if (accountAsked) {
            request = withAccount(request, segment.total());
        }
        return settle ? settlement.settle(request) : settlement.preSettle(request);
    }

    /** The request asking the personal account to pay up to {@code amount} (yuan). */
    static SettlementClient.SettleRequest withAccount(SettlementClient.SettleRequest r, BigDecimal amount) {
        return new SettlementClient.SettleRequest(r.messageId(), r.personId(), r.institutionCode(), r.visitType(), r.serviceDate(),
                r.diagnosisCodes(), r.lines(), r.emergency(), r.admittedAt(), r.dischargedAt(), r.procedureCodes(), r.doctorCode(),
                r.departmentCode(), amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(), r.deliveryKind());
    }

    /**
     * The visit as an upload's quote prices it: a delivery's stay whose kind of delivery is not known yet (its
     * discharge gives it) is quoted as a stay — the lines' classes and self-pay, which the upload answers, are
     * the same; only the settlement is paid by the kind's fixed amount.
     */
    private static Visit quoted(Visit visit) {
        return Visit.DELIVERY_MED_TYPE.equals(visit.medType()) && visit.facts().deliveryKind() == null
                ? visit.withMedType("21") : visit;
    }

    /** A pre-settlement of some lines (an upload's classes and self-pay), nothing kept. */
    public SettlementClient.Bill quote(Visit visit, List<FeeLine> lines, LocalDate serviceDate, String msgid) {
        return quote(visit, lines, serviceDate, msgid, false);
    }

    /** A pre-settlement of some lines, paying the person's part from the personal account up to its balance when asked. */
    public SettlementClient.Bill quote(Visit visit, List<FeeLine> lines, LocalDate serviceDate, String msgid, boolean accountAsked) {
        SettlementClient.SettleRequest request = request(quoted(visit), lines, serviceDate, msgid, "feedetail");
        if (accountAsked) {
            request = withAccount(request, new Segment(lines, serviceDate, false).total());
        }
        return settlement.preSettle(request);
    }

    /**
     * The native settle request of these details, with the visit's facts for the audit (issue 21): a stay's
     * admission, and its discharge when the bill is billed on the discharge day (a mid-stay or an earlier
     * year's segment is billed before it, and states none); the emergency, procedures, doctor and department.
     */
    static SettlementClient.SettleRequest request(Visit visit, List<FeeLine> lines, LocalDate serviceDate, String msgid, String field) {
        boolean stay = visit.kind() == Visit.Kind.INPATIENT;
        LocalDateTime discharged = stay && visit.endsAt() != null && visit.endsAt().toLocalDate().equals(serviceDate) ? visit.endsAt() : null;
        return new SettlementClient.SettleRequest(msgid, visit.personId(), visit.institution(), visitType(visit.medType(), "med_type"),
                serviceDate, visit.diagnoses(), nativeLines(lines, field), visit.emergency(), stay ? visit.beginsAt() : null,
                discharged, visit.procedureCodes(), visit.facts().doctorCode(), visit.departmentCode(), null,
                visit.facts().deliveryKind());
    }

    /**
     * The details as native lines: those of one item and unit price whose amounts are exactly cnt x pric
     * summed into one (quantities add, the amount is then exactly the sum); any other on its own.
     */
    static List<SettlementClient.Line> nativeLines(List<FeeLine> lines, String field) {
        if (lines.size() <= MAX_LINES) {
            // each detail as its own line: the bill shows what was charged, line by line (a CT charged twice stays two
            // lines, which is what supervision's repeated-charging rule reads — found by the simulated city)
            return lines.stream().map(Billing::line).toList();
        }
        // summed by item, price and prescribing doctor; the days of supply of summed details add up (capped at the native 3660)
        Map<String, BigDecimal> summed = new LinkedHashMap<>();
        Map<String, Integer> days = new LinkedHashMap<>();
        List<SettlementClient.Line> single = new ArrayList<>();
        for (FeeLine l : lines) {
            boolean exact = l.quantity().multiply(l.unitPrice()).compareTo(l.amount()) == 0;
            if (exact) {
                String key = l.itemCode() + "\u0000" + l.unitPrice().stripTrailingZeros().toPlainString() + "\u0000"
                        + (l.doctorCode() == null ? "" : l.doctorCode());
                summed.merge(key, l.quantity(), BigDecimal::add);
                if (l.daysOfSupply() != null) {
                    days.merge(key, l.daysOfSupply(), (a, b) -> Math.min(MAX_DAYS_OF_SUPPLY, a + b));
                }
            } else {
                single.add(line(l));
            }
        }
        List<SettlementClient.Line> result = new ArrayList<>();
        summed.forEach((key, quantity) -> {
            String[] parts = key.split("\u0000", -1);
            result.add(line(parts[0], quantity, new BigDecimal(parts[1]), days.get(key), parts[2].isEmpty() ? null : parts[2]));
        });
        result.addAll(single);
        if (result.size() > MAX_LINES) {
            throw HisException.field(field, "holds " + result.size() + " different items and prices in one bill; the platform settles "
                    + "at most " + MAX_LINES + " (settle an inpatient stay in parts with mid_setl_flag 1)");
        }
        return result;
    }

    /** The most days of supply the native API takes on a line. */
    static final int MAX_DAYS_OF_SUPPLY = 3660;

    private static SettlementClient.Line line(FeeLine l) {
        return line(l.itemCode(), l.quantity(), l.unitPrice(), l.daysOfSupply(), l.doctorCode());
    }

    private static SettlementClient.Line line(String itemCode, BigDecimal quantity, BigDecimal unitPrice, Integer daysOfSupply,
                                              String doctorCode) {
        BigDecimal price = unitPrice.stripTrailingZeros();
        return new SettlementClient.Line(itemCode,
                quantity.stripTrailingZeros().scale() < 0 ? quantity.setScale(0) : quantity.stripTrailingZeros(),
                (price.scale() < 2 ? price.setScale(2, RoundingMode.UNNECESSARY) : price).toPlainString(), daysOfSupply, doctorCode);
    }
}
