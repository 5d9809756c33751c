package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.platform.PlatformApis;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.FeeLine;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.VisitStore;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 3101 明细审核事前分析 and 3102 事中分析: supervision's real-time pre-check of the visit's uploaded
 * details, each finding as a result row (jr_id, vola_cont, sev_deg...).
 */
@Component
class PreEventAudit {

    private final Visits visits;
    private final VisitStore store;
    private final PlatformApis platform;
    private final JsonMapper json;

    PreEventAudit(Visits visits, VisitStore store, PlatformApis platform, JsonMapper json) {
        this.visits = visits;
        this.store = store;
        this.platform = platform;
        this.json = json;
    }

    /** 3101 (before the event) / 3102 (during it): the same check of the visit's details. */
    JsonNode audit(Call call) {
        Input data = call.input().object("data");
        Visit visit = visits.ofPerson(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
        List<FeeLine> lines = store.lines(visit.mdtrtId());
        if (lines.isEmpty()) {
            throw HisException.field("data.mdtrt_id", "visit " + visit.mdtrtId() + " has no fee details to audit");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("personId", visit.personId());
        request.put("institutionCode", visit.institution());
        request.put("visitType", Billing.visitType(visit.medType(), "med_type"));
        request.put("serviceDate", visit.serviceDate().toString());
        request.put("diagnosisCodes", visit.diagnoses());
        request.put("total", lines.stream().map(FeeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
        request.put("lines", lines.stream().map(l -> Map.of("itemCode", l.itemCode(), "quantity", l.quantity(),
                "unitPrice", l.unitPrice().toPlainString(), "amount", l.amount().toPlainString())).toList());
        JsonNode verdict = platform.post("supervision", "/api/supervision/pre-checks", request);
        ObjectNode output = json.createObjectNode();
        output.put("outcome", verdict.path("outcome").asString());
        var result = output.putArray("result");
        int n = 0;
        for (JsonNode reason : verdict.path("reasons")) {
            result.addObject().put("jr_id", visit.mdtrtId() + "-" + (++n))
                    .put("rule_name", "supervision pre-check")
                    .put("vola_cont", reason.asString())
                    .put("sev_deg", "BLOCK".equals(verdict.path("outcome").asString()) ? "1" : "2")
                    .put("mdtrt_id", visit.mdtrtId());
        }
        return output;
    }
}
