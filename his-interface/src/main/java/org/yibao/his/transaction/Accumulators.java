package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.HisException;
import org.yibao.his.envelope.Input;
import org.yibao.his.envelope.Transaction;
import org.yibao.his.platform.PlatformApis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.math.BigDecimal;

/** 5206 人员累计信息查询: the person's year-to-date accumulators from settlement-service. */
@Component
class Accumulators implements Transaction {

    private final PlatformApis platform;
    private final JsonMapper json;

    Accumulators(PlatformApis platform, JsonMapper json) {
        this.platform = platform;
        this.json = json;
    }

    @Override
    public boolean forPharmacies() {
        return true;
    }

    @Override
    public String infno() {
        return "5206";
    }

    @Override
    public JsonNode handle(Call call) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        String month = data.text("cum_ym");
        if (!month.matches("\\d{6}")) {
            throw HisException.field("data.cum_ym", "must be yyyyMM");
        }
        JsonNode found = platform.find("settlement", "/api/settlement/persons/" + person + "/accumulators?year=" + month.substring(0, 4))
                .orElseThrow(() -> HisException.field("data.psn_no", "has no enrollment in " + month.substring(0, 4)));
        String insutype = "EMPLOYEE".equals(found.path("scheme").asString()) ? "310" : "390";
        JsonNode a = found.path("accumulators");
        var output = json.createObjectNode();
        ArrayNode records = output.putArray("cumrec");
        a.path("deductibleUsed").properties().forEach(e -> add(records, insutype, month, "DEDUCTIBLE_" + e.getKey(), e.getValue()));
        a.path("fundPaid").properties().forEach(e -> add(records, insutype, month, "FUND_PAID_" + e.getKey(), e.getValue()));
        add(records, insutype, month, "POLICY_SCOPE_SELF_PAY", a.path("policyScopeSelfPay"));
        add(records, insutype, month, "CATASTROPHIC_PAID", a.path("catastrophicPaid"));
        add(records, insutype, month, "SUPPLEMENTARY_PAID", a.path("supplementaryPaid"));
        add(records, insutype, month, "ASSISTANCE_PAID", a.path("assistancePaid"));
        return output;
    }

    private static void add(ArrayNode records, String insutype, String month, String type, JsonNode amount) {
        records.addObject().put("insutype", insutype).put("year", month.substring(0, 4)).put("cum_type_code", type)
                .put("cum", new BigDecimal(amount.asString())).put("cum_ym", month);
    }
}
