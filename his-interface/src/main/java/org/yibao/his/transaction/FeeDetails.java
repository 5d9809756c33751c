package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.platform.SettlementClient;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.FeeLine;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.VisitStore;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fee details: 2204 门诊费用明细上传 / 2301 住院费用明细上传 and their reversals 2205 / 2302. An upload
 * answers each detail with its class and self-pay from a pre-settlement of everything uploaded so
 * far (the platform's one adjudication); if that is refused, the upload is undone.
 */
@Component
class FeeDetails {

    private final Visits visits;
    private final VisitStore store;
    private final Billing billing;
    private final NationalCodes codes;
    private final JsonMapper json;
    private final CatalogTransactions catalog;

    FeeDetails(Visits visits, VisitStore store, Billing billing, NationalCodes codes, JsonMapper json, CatalogTransactions catalog) {
        this.catalog = catalog;
        this.visits = visits;
        this.store = store;
        this.billing = billing;
        this.codes = codes;
        this.json = json;
    }

    /** 2204 (outpatient) / 2301 (inpatient). */
    JsonNode upload(Call call, Visit.Kind kind) {
        List<Input> details = call.input().list("feedetail");
        String mdtrtId = details.get(0).text("mdtrt_id");
        Visit visit = visits.open(mdtrtId, call.institution(), details.get(0).person("psn_no"), "feedetail[0].mdtrt_id");
        if (visit.kind() != kind) {
            throw HisException.field("feedetail[0].mdtrt_id", mdtrtId + " is an " + visit.kind() + " visit; use the "
                    + visit.kind().name().toLowerCase() + " transaction");
        }
        List<FeeLine> lines = readLines(details, visit, mdtrtId);
        catalog.requireMapped(call, "feedetail", details);
        visits.addLines(mdtrtId, lines, call.msgid());
        // each line's class and self-pay from a pre-settlement of this upload (the platform's one adjudication)
        LocalDate last = lines.stream().map(l -> l.feeTime().toLocalDate()).max(LocalDate::compareTo).orElseThrow();
        SettlementClient.Bill bill = billing.quote(visit, lines, visit.kind() == Visit.Kind.INPATIENT ? last : visit.beginsAt().toLocalDate(),
                call.msgid());
        Map<String, SettlementClient.BillLine> byItem = new HashMap<>();
        bill.lines().forEach(l -> byItem.putIfAbsent(l.itemCode() + "@" + plain(l.unitPrice().amount()), l));
        ObjectNode output = json.createObjectNode();
        var result = output.putArray("result");
        for (FeeLine l : lines) {
            SettlementClient.BillLine adjudicated = byItem.get(l.itemCode() + "@" + plain(l.unitPrice()));
            ObjectNode r = result.addObject();
            r.put("feedetl_sn", l.feedetlSn());
            r.put("det_item_fee_sumamt", l.amount());
            r.put("cnt", l.quantity());
            r.put("pric", l.unitPrice());
            // the adjudicated line may hold several details of the item: each detail gets its share by its amount
            BigDecimal share = adjudicated == null ? BigDecimal.ZERO : selfPayShare(adjudicated);
            BigDecimal full = adjudicated == null ? l.amount() : proportion(adjudicated, adjudicated.fullSelfPay(), l.amount());
            BigDecimal prior = adjudicated == null ? BigDecimal.ZERO.setScale(2) : proportion(adjudicated, adjudicated.priorSelfPay(), l.amount());
            r.put("pric_uplmt_amt", adjudicated == null || adjudicated.priceCeiling() == null ? l.unitPrice() : adjudicated.priceCeiling().amount());
            r.put("lmt_used_flag", "0");
            r.put("selfpay_prop", share);
            r.put("fulamt_ownpay_amt", full);
            r.put("overlmt_amt", BigDecimal.ZERO.setScale(2));
            r.put("preselfpay_amt", prior);
            r.put("inscp_scp_amt", l.amount().subtract(full).subtract(prior).max(BigDecimal.ZERO.setScale(2)));
            r.put("chrgitm_lv", codes.itemClass(adjudicated == null ? ItemClass.C : adjudicated.itemClass()));
            r.put("med_chrgitm_type", codes.feeCategory(adjudicated == null ? ItemCategory.SERVICE : adjudicated.category(), l.itemCode()));
            r.put("memo", adjudicated == null || !adjudicated.inCatalog() ? "not in the reimbursement catalog: paid by the person" : null);
        }
        return output;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** A line's part of an adjudicated line's amount, in proportion to the line's amount, to the fen. */
    private static BigDecimal proportion(SettlementClient.BillLine adjudicated, Money part, BigDecimal amount) {
        BigDecimal total = adjudicated.amount().amount();
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(2) : part.amount().multiply(amount).divide(total, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal selfPayShare(SettlementClient.BillLine line) {
        BigDecimal amount = line.amount().amount();
        if (amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return line.fullSelfPay().plus(line.priorSelfPay()).amount().divide(amount, 4, RoundingMode.HALF_UP);
    }

    /** Reads and checks an upload's details (also a pharmacy purchase's, 2101/2102). */
    static List<FeeLine> readLines(List<Input> details, Visit visit, String mdtrtId) {
        List<FeeLine> lines = new ArrayList<>();
        Set<String> serials = new HashSet<>();
        for (Input d : details) {
            if (mdtrtId != null && !mdtrtId.equals(d.text("mdtrt_id"))) {
                throw HisException.field(d.path("mdtrt_id"), "all details of one upload must belong to one visit");
            }
            String serial = d.text("feedetl_sn");
            if (!serials.add(serial)) {
                throw HisException.field(d.path("feedetl_sn"), serial + " appears twice in this message");
            }
            BigDecimal quantity = d.decimal("cnt");
            BigDecimal price = d.decimal("pric");
            BigDecimal amount = d.decimal("det_item_fee_sumamt");
            if (quantity.signum() <= 0) {
                throw HisException.field(d.path("cnt"), "must be more than zero");
            }
            if (price.signum() < 0) {
                throw HisException.field(d.path("pric"), "must not be negative");
            }
            // cnt 16,4 and pric 16,6 (checked by the declaration) are kept and settled exactly as sent (issue 17, input 1)
            if (quantity.compareTo(new BigDecimal("10000000")) >= 0) {
                throw HisException.field(d.path("cnt"), "must be below 10000000");
            }
            LocalDateTime occurred = d.dateTime("fee_ocur_time");
            if (occurred.toLocalDate().isBefore(visit.beginsAt().toLocalDate())
                    || visit.endsAt() != null && occurred.toLocalDate().isAfter(visit.endsAt().toLocalDate())) {
                throw HisException.field(d.path("fee_ocur_time"), occurred.toLocalDate() + " is outside the visit ("
                        + visit.beginsAt().toLocalDate() + (visit.endsAt() == null ? " onwards" : " to " + visit.endsAt().toLocalDate()) + ")");
            }
            BigDecimal expected = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
            if (expected.compareTo(amount) != 0) {
                throw HisException.field(d.path("det_item_fee_sumamt"), amount.toPlainString() + " is not cnt x pric = "
                        + expected.toPlainString() + " (rounded half up to the fen)");
            }
            lines.add(new FeeLine(serial, d.optional("chrg_bchno") == null ? "0" : d.optional("chrg_bchno"),
                    d.text("med_list_codg"), plainScale(quantity), plainScale(price),
                    amount.setScale(2, RoundingMode.UNNECESSARY), occurred, null, prdDays(d),
                    d.declares("bilg_dr_codg") ? d.optional("bilg_dr_codg") : null));
        }
        return lines;
    }

    /**
     * prd_days (周期天数) where the layout has it (2204, 2101; not 2301), num 4,2 by its declaration: 0 is none
     * (public HIS clients send 0 for every detail that is not a drug), a negative number is refused.
     */
    private static BigDecimal prdDays(Input d) {
        if (!d.declares("prd_days") || d.optional("prd_days") == null) {
            return null;
        }
        BigDecimal days = d.decimal("prd_days");
        if (days.signum() < 0) {
            throw HisException.field(d.path("prd_days"), "must not be negative");
        }
        return days.signum() == 0 ? null : plainScale(days);
    }

    /** The value without trailing zeros, never in exponent form (10, not 1E+1). */
    static BigDecimal plainScale(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** 2205: removes a charge batch of an open visit ("0000": all its details). */
    JsonNode reverseBatch(Call call) {
        Input data = call.input().object("data");
        Visit visit = visits.open(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
        if (store.removeBatch(visit.mdtrtId(), data.text("chrg_bchno")) == 0) {
            throw HisException.field("data.chrg_bchno", data.text("chrg_bchno") + " has no details on visit " + visit.mdtrtId()
                    + " that are not yet settled");
        }
        return json.createObjectNode();
    }

    /** 2302: removes details of an open admission by serial number ("0000": all of them). */
    JsonNode reverseDetails(Call call) {
        List<Input> data = call.input().list("data");
        List<String[]> removals = new ArrayList<>();
        for (Input d : data) {
            Visit visit = visits.open(d.text("mdtrt_id"), call.institution(), d.person("psn_no"), d.path("mdtrt_id"));
            removals.add(new String[] {visit.mdtrtId(), d.text("feedetl_sn")});
        }
        for (int i = 0; i < removals.size(); i++) {
            String[] r = removals.get(i);
            if (store.removeDetail(r[0], r[1]) == 0) {
                throw HisException.field("data[" + i + "].feedetl_sn", r[1] + " is not a detail of visit " + r[0]
                        + " that is not yet settled");
            }
        }
        return json.createObjectNode();
    }
}
