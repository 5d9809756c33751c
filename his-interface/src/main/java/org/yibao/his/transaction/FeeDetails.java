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
import java.time.LocalDateTime;
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
        private final JsonMapper json;
        private final Visit.Kind kind;

        Upload(String infno, Visits visits, Billing billing, JsonMapper json, Visit.Kind kind) {
            this.infno = infno;
            this.visits = visits;
            this.billing = billing;
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
            List<FeeLine> lines = new ArrayList<>();
            for (Input d : details) {
                if (!mdtrtId.equals(d.text("mdtrt_id"))) {
                    throw HisException.field(d.path("mdtrt_id"), "all details of one upload must belong to one visit");
                }
                BigDecimal quantity = d.decimal("cnt");
                BigDecimal price = d.decimal("pric");
                BigDecimal amount = d.decimal("det_item_fee_sumamt");
                if (quantity.signum() <= 0 || price.signum() < 0) {
                    throw HisException.field(d.path("cnt"), "quantity must be positive and price not negative");
                }
                if (quantity.compareTo(new BigDecimal("1000000000")) >= 0) {
                    throw HisException.field(d.path("cnt"), "must be below 1000000000");
                }
                if (price.compareTo(new BigDecimal("10000000000")) >= 0) {
                    throw HisException.field(d.path("pric"), "must be below 10000000000");
                }
                if (amount.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
                    throw HisException.field(d.path("det_item_fee_sumamt"), "must be below 1000000000000");
                }
                if (price.stripTrailingZeros().scale() > 2) {
                    // ASSUMPTION until prices travel at the national 16,6 end to end (issue 17): a price in fractions
                    // of a fen is refused, never rounded and never a 500
                    throw HisException.field(d.path("pric"), price.toPlainString() + " has more than 2 decimals; the platform "
                            + "settles prices to the fen: send the line with its price per pack (cnt 1, pric = det_item_fee_sumamt)");
                }
                LocalDateTime occurred = d.dateTime("fee_ocur_time");
                if (occurred.toLocalDate().isBefore(visit.beginsAt().toLocalDate())
                        || visit.endsAt() != null && occurred.toLocalDate().isAfter(visit.endsAt().toLocalDate())) {
                    throw HisException.field(d.path("fee_ocur_time"), occurred.toLocalDate() + " is outside the visit ("
                            + visit.beginsAt().toLocalDate() + (visit.endsAt() == null ? " onwards" : " to " + visit.endsAt().toLocalDate()) + ")");
                }
                if (quantity.multiply(price).setScale(2, RoundingMode.HALF_UP).compareTo(amount) != 0) {
                    throw HisException.field(d.path("det_item_fee_sumamt"), amount + " is not cnt x pric = "
                            + quantity.multiply(price).setScale(2, RoundingMode.HALF_UP));
                }
                lines.add(new FeeLine(d.text("feedetl_sn"), d.optional("chrg_bchno") == null ? "0" : d.optional("chrg_bchno"),
                        d.text("med_list_codg"), quantity, price.setScale(2, RoundingMode.UNNECESSARY), amount.setScale(2, RoundingMode.UNNECESSARY),
                        occurred));
            }
            visits.addLines(mdtrtId, lines, call.msgid());
            JsonNode bill;
            try {
                BigDecimal uploaded = visits.lines(mdtrtId).stream().map(FeeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                bill = billing.bill(visits.get(mdtrtId, call.institution(), "mdtrt_id"), uploaded, call.msgid(), false);
            } catch (RuntimeException e) {
                visits.removeUploadedBy(call.msgid());
                throw e;
            }
            Map<String, JsonNode> byItem = new HashMap<>();
            bill.path("lines").forEach(l -> byItem.putIfAbsent(l.path("itemCode").asString(), l));
            ObjectNode output = json.createObjectNode();
            var result = output.putArray("result");
            for (FeeLine l : lines) {
                JsonNode adjudicated = byItem.get(l.itemCode());
                ObjectNode r = result.addObject();
                r.put("feedetl_sn", l.feedetlSn());
                r.put("det_item_fee_sumamt", l.amount());
                r.put("cnt", l.quantity());
                r.put("pric", l.unitPrice());
                r.put("chrgitm_lv", adjudicated == null ? null : adjudicated.path("itemClass").asString());
                r.put("selfpay_prop", adjudicated == null ? null : selfPayShare(adjudicated));
                r.put("med_chrgitm_type", adjudicated == null ? null : adjudicated.path("category").asString());
                r.put("memo", adjudicated == null || !adjudicated.path("inCatalog").asBoolean()
                        ? "not in the reimbursement catalog: paid by the person" : null);
            }
            return output;
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
                throw HisException.field("data.chrg_bchno", data.text("chrg_bchno") + " has no details on visit " + visit.mdtrtId());
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
            for (String[] r : removals) {
                visits.removeDetail(r[0], r[1]);
            }
            return json.createObjectNode();
        }
    }
}
