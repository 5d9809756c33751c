package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.HisException;
import org.yibao.his.envelope.Input;
import org.yibao.his.envelope.Transaction;
import org.yibao.his.platform.PlatformApis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

/**
 * 1101 人员信息获取: the person (baseinfo), their enrollments (insuinfo) and low-income identities
 * (idetinfo), from enrollment-service and assistance-service. The certificate is the resident id
 * (mdtrt_cert_type 02) or an e-voucher token (01), exchanged once with enrollment-service.
 */
@Component
class PersonInfo implements Transaction {

    /** Assistance categories as identity types; the codes are this platform's (ASSUMPTION: a bureau maps them to its province's 人员身份类别). */
    private static final Map<String, String> IDENTITY_NAMES = Map.of(
            "EXTREME_POVERTY", "特困人员", "MINIMUM_LIVING", "低保对象", "LIFTED_UNSTABLE", "脱贫不稳定人口",
            "POVERTY_MONITORED", "易返贫致贫监测对象", "EDGE_OF_POVERTY", "边缘易致贫人口", "SUDDEN_HARDSHIP", "突发严重困难人口",
            "MINIMUM_LIVING_MARGINAL", "低保边缘人口", "LIFTED_OUT_OF_POVERTY", "脱贫人口");

    private final PlatformApis platform;
    private final JsonMapper json;

    PersonInfo(PlatformApis platform, JsonMapper json) {
        this.platform = platform;
        this.json = json;
    }

    @Override
    public boolean forPharmacies() {
        return true;
    }

    @Override
    public String infno() {
        return "1101";
    }

    @Override
    public JsonNode handle(Call call) {
        Input data = call.input().object("data");
        String personId = switch (data.text("mdtrt_cert_type")) {
            case "02", "03" -> data.person("mdtrt_cert_no");
            case "01" -> platform.post("enrollment", "/api/enrollment/evoucher/exchanges",
                    Map.of("token", data.text("mdtrt_cert_no"), "institutionCode", call.institution())).path("personId").asString();
            default -> throw HisException.field("data.mdtrt_cert_type", "must be 01 (e-voucher), 02 (resident id) or 03 (social security card)");
        };
        JsonNode person = platform.find("enrollment", "/api/enrollment/persons/" + personId)
                .orElseThrow(() -> HisException.field("data.mdtrt_cert_no", "no insured person has this id"));
        JsonNode enrollments = platform.get("enrollment", "/api/enrollment/persons/" + personId + "/enrollments");
        JsonNode identity = platform.find("assistance", "/api/assistance/persons/" + personId + "/identity").orElse(null);

        ObjectNode output = json.createObjectNode();
        ObjectNode base = output.putObject("baseinfo");
        LocalDate birth = LocalDate.parse(person.path("birthDate").asString());
        base.put("psn_no", personId);
        base.put("psn_cert_type", "01");
        base.put("certno", personId);
        base.put("psn_name", person.path("name").isNull() ? null : person.path("name").asString());
        base.put("gend", "MALE".equals(person.path("gender").asString()) ? "1" : "2");
        base.put("brdy", birth.toString());
        base.put("age", Period.between(birth, LocalDate.now()).getYears());
        base.put("insuplc_admdvs", person.path("regionCode").asString());
        var insurance = output.putArray("insuinfo");
        for (JsonNode e : enrollments) {
            ObjectNode i = insurance.addObject();
            boolean employee = "EMPLOYEE".equals(e.path("scheme").asString());
            i.put("insutype", employee ? "310" : "390");
            i.put("year", e.path("year").asInt());
            i.put("psn_type", e.path("personType").asString());
            i.put("psn_insu_stas", "ACTIVE".equals(e.path("status").asString()) ? "1" : "2");
            i.put("psn_insu_date", e.path("effectiveFrom").asString());
            i.put("insuplc_admdvs", e.path("regionCode").asString());
            i.put("cvlserv_flag", "0");
            i.putNull("balc");
        }
        var identities = output.putArray("idetinfo");
        if (identity != null && identity.path("current").isObject()) {
            JsonNode current = identity.path("current");
            String category = current.path("category").asString();
            ObjectNode i = identities.addObject();
            i.put("psn_idet_type", category);
            i.put("psn_idet_type_name", IDENTITY_NAMES.getOrDefault(category, category));
            i.put("begntime", current.path("valid_from").asString());
            i.put("endtime", current.path("valid_to").isNull() ? null : current.path("valid_to").asString());
        }
        return output;
    }
}
