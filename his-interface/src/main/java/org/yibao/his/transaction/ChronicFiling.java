package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.platform.PlatformApis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * 2503 人员慢特病备案 and 2504 its reversal: the hospital applies for a chronic or special disease
 * certification on the person's behalf (enrollment-service decides it within ten working days).
 */
@Component
class ChronicFiling {

    private final PlatformApis platform;
    private final JsonMapper json;

    ChronicFiling(PlatformApis platform, JsonMapper json) {
        this.platform = platform;
        this.json = json;
    }

    /** 2503. */
    JsonNode file(Call call) {
        Input data = call.input().object("data");
        JsonNode certification = platform.post("enrollment", "/api/enrollment/persons/" + data.person("psn_no") + "/certifications",
                Map.of("diseaseCode", data.text("opsp_dise_code"), "diseaseName", data.text("opsp_dise_name")));
        var output = json.createObjectNode();
        output.putObject("result").put("trt_dcla_detl_sn", certification.path("certificationId").asString())
                .put("status", certification.path("status").asString())
                .put("decide_by", certification.path("decideBy").asString());
        return output;
    }

    /** 2504: withdraws a filing of the person. */
    JsonNode revoke(Call call) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        String certificationId = data.text("trt_dcla_detl_sn");
        boolean ofThePerson = false;
        for (JsonNode c : platform.get("enrollment", "/api/enrollment/persons/" + person + "/certifications")) {
            ofThePerson |= certificationId.equals(c.path("certificationId").asString());
        }
        if (!ofThePerson) {
            throw new HisException("data.trt_dcla_detl_sn " + certificationId + " is not a chronic-disease filing of data.psn_no");
        }
        withdraw(certificationId, call, data.optional("memo"));
        return json.createObjectNode();
    }

    /** Withdraws the hospital's own pending application; enrollment records the hospital's client (the token) as who did it. */
    void withdraw(String certificationId, Call call, String memo) {
        platform.post("enrollment", "/api/enrollment/certifications/" + certificationId + "/revocation",
                Map.of("reason", (memo == null || memo.isBlank() ? "withdrawn by the institution" : memo)
                        + " (HIS " + call.msgid() + ", operator " + call.envelope().opter() + ")"));
    }
}
