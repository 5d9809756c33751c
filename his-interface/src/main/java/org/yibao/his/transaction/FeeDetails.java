package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.HisException;
import org.yibao.his.envelope.Input;
import org.yibao.his.envelope.Transaction;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.FeeLine;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.yibao.his.national.NationalCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fee details: 2204 门诊费用明细上传 / 2301 住院费用明细上传 and their reversals 2205 / 2302. An upload
 * answers each detail with its class and self-pay from a pre-settlement of everything uploaded so
 * far (the platform's one adjudication); if that is refused, the upload is undone.
 */
final class FeeDetails {

    private FeeDetails() {
    }

    /** 2204 (outpatient) / 2301 (inpatient). */
    static final class Upload implements Transaction {
        private final String infno;
        private final Visits visits;
        private final Billing billing;
        private final NationalCodes codes;
        private final JsonMapper json;
        private final Visit.Kind kind;

        Upload(String infno, Visits visits, Billing billing, NationalCodes codes, JsonMapper json, Visit.Kind kind) {
            this.infno = infno;
            this.visits = visits;
            this.billing = billing;
            this.codes = codes;
            this.json = json;
            this.kind = kind;
        }

        @Override
        public String infno() {
            return infno;
        }

        @Override
        public JsonNode handle(Call call) {
            List<Input> details = call.input().list("feedetail");
            String mdtrtId = details.get(0).text("mdtrt_id");
            Visit visit = visits.open(mdtrtId, call.institution(), details.get(0).person("psn_no"), "feedetail[0].mdtrt_id");
            if (visit.kind() != kind) {
                throw HisException.field("feedetail[0].mdtrt_id", mdtrtId + " is an " + visit.kind() + " visit; use the "
                        + visit.kind().name().toLowerCase() + " transaction");
            }
            List<FeeLine> lines = readLines(details, visit, mdtrtId);
            visits.addLines(mdtrtId, lines, call.msgid());
            // each line's class and self-pay from a pre-settlement of this upload (the platform's one adjudication)
            LocalDate last = lines.stream().map(l -> l.feeTime().toLocalDate()).max(LocalDate::compareTo).orElseThrow();
            JsonNode bill = billing.quote(visit, lines, visit.kind() == Visit.Kind.INPATIENT ? last : visit.beginsAt().toLocalDate(),
                    call.msgid());
            Map<String, JsonNode> byItem = new HashMap<>();
            bill.path("lines").forEach(l -> byItem.putIfAbsent(l.path("itemCode").asString() + "@" + plain(l.path("unitPrice").asString()), l));
            ObjectNode output = json.createObjectNode();
            var result = output.putArray("result");
            for (FeeLine l : lines) {
                JsonNode adjudicated = byItem.get(l.itemCode() + "@" + plain(l.unitPrice().toPlainString()));
                ObjectNode r = result.addObject();
                r.put("feedetl_sn", l.feedetlSn());
                r.put("det_item_fee_sumamt", l.amount());
                r.put("cnt", l.quantity());
                r.put("pric", l.unitPrice());
                // the adjudicated line may hold several details of the item: each detail gets its share by its amount
                BigDecimal share = adjudicated == null ? BigDecimal.ZERO : selfPayShare(adjudicated);
                BigDecimal full = adjudicated == null ? l.amount() : proportion(adjudicated, "fullSelfPay", l.amount());
                BigDecimal prior = adjudicated == null ? BigDecimal.ZERO.setScale(2) : proportion(adjudicated, "priorSelfPay", l.amount());
                r.put("pric_uplmt_amt", adjudicated == null || adjudicated.path("priceCeiling").isNull()
                        || adjudicated.path("priceCeiling").isMissingNode() ? l.unitPrice() : new BigDecimal(adjudicated.path("priceCeiling").asString()));
                r.put("lmt_used_flag", "0");
                r.put("selfpay_prop", share);
                r.put("fulamt_ownpay_amt", full);
                r.put("overlmt_amt", BigDecimal.ZERO.setScale(2));
                r.put("preselfpay_amt", prior);
                r.put("inscp_scp_amt", l.amount().subtract(full).subtract(prior).max(BigDecimal.ZERO.setScale(2)));
                r.put("chrgitm_lv", codes.itemClass(adjudicated == null ? "C" : adjudicated.path("itemClass").asString()));
                r.put("med_chrgitm_type", codes.feeCategory(adjudicated == null ? "SERVICE" : adjudicated.path("category").asString(),
                        l.itemCode()));
                r.put("memo", adjudicated == null || !adjudicated.path("inCatalog").asBoolean()
                        ? "not in the reimbursement catalog: paid by the person" : null);
            }
            return output;
        }

        private static String plain(String number) {
            return new BigDecimal(number).stripTrailingZeros().toPlainString();
        }

        /** A line's part of an adjudicated line's amount field, in proportion to the line's amount, to the fen. */
        private static BigDecimal proportion(JsonNode adjudicated, String field, BigDecimal amount) {
            BigDecimal total = new BigDecimal(adjudicated.path("amount").asString());
            BigDecimal part = new BigDecimal(adjudicated.path(field).asString());
            return total.signum() == 0 ? BigDecimal.ZERO.setScale(2) : part.multiply(amount).divide(total, 2, RoundingMode.HALF_UP);
        }

        private static BigDecimal selfPayShare(JsonNode line) {
            BigDecimal amount = new BigDecimal(line.path("amount").asString());
            if (amount.signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal self = new BigDecimal(line.path("fullSelfPay").asString()).add(new BigDecimal(line.path("priorSelfPay").asString()));
            return self.divide(amount, 4, RoundingMode.HALF_UP);
        }
    }

    /** Reads and checks an upload's details (also a pharmacy purchase's, 2101/2102). */
    static List<FeeLine> readLines(List<Input> details, Visit visit, String mdtrtId) {
        List<FeeLine> lines = new ArrayList<>();
        java.util.Set<String> serials = new java.util.HashSet<>();
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
                    amount.setScale(2, RoundingMode.UNNECESSARY), occurred, null));
        }
        return lines;
    }

    /** The value without trailing zeros, never in exponent form (10, not 1E+1). */
    static BigDecimal plainScale(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** 2205: removes a charge batch of an open visit ("0000": all its details). */
    @Component
    static class OutpatientReversal implements Transaction {
        private final Visits visits;
        private final JsonMapper json;

        OutpatientReversal(Visits visits, JsonMapper json) {
            this.visits = visits;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2205";
        }

        @Override
        public JsonNode handle(Call call) {
            Input data = call.input().object("data");
            Visit visit = visits.open(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
            if (visits.removeBatch(visit.mdtrtId(), data.text("chrg_bchno")) == 0) {
                throw HisException.field("data.chrg_bchno", data.text("chrg_bchno") + " has no details on visit " + visit.mdtrtId()
                        + " that are not yet settled");
            }
            return json.createObjectNode();
        }
    }

    /** 2302: removes details of an open admission by serial number ("0000": all of them). */
    @Component
    static class InpatientReversal implements Transaction {
        private final Visits visits;
        private final JsonMapper json;

        InpatientReversal(Visits visits, JsonMapper json) {
            this.visits = visits;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2302";
        }

        @Override
        public JsonNode handle(Call call) {
            List<Input> data = call.input().list("data");
            List<String[]> removals = new ArrayList<>();
            for (Input d : data) {
                Visit visit = visits.open(d.text("mdtrt_id"), call.institution(), d.person("psn_no"), d.path("mdtrt_id"));
                removals.add(new String[] {visit.mdtrtId(), d.text("feedetl_sn")});
            }
            for (int i = 0; i < removals.size(); i++) {
                String[] r = removals.get(i);
                if (visits.removeDetail(r[0], r[1]) == 0) {
                    throw HisException.field("data[" + i + "].feedetl_sn", r[1] + " is not a detail of visit " + r[0]
                            + " that is not yet settled");
                }
            }
            return json.createObjectNode();
        }
    }
}
