package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.Declarations;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.national.NationalTime;
import org.yibao.his.platform.PlatformApis;
import org.yibao.security.ClientKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a HIS looks up before it starts: the institution's own registration (1201), the national
 * dictionaries (1901), and whether a person may be treated on the fund today (2001 待遇检查).
 */
@Component
class Directory {

    private final PlatformApis platform;
    private final NationalCodes codes;
    private final Declarations declarations;
    private final JsonMapper json;

    Directory(PlatformApis platform, NationalCodes codes, Declarations declarations, JsonMapper json) {
        this.platform = platform;
        this.codes = codes;
        this.declarations = declarations;
        this.json = json;
    }

    /**
     * 1201 医药机构信息获取: the calling institution's registration with the bureau (supervision-service's
     * registry). Another institution's is refused: the registry answers each institution its own.
     */
    JsonNode institution(Call call) {
        Input query = call.input().object("medinsinfo");
        String code = query.optional("fixmedins_code") == null ? call.institution() : query.optional("fixmedins_code");
        if (!code.equals(call.institution())) {
            throw HisException.field("medinsinfo.fixmedins_code", code + " is not the calling institution; 1201 answers an institution its own registration");
        }
        JsonNode found = platform.find("supervision", "/api/supervision/institutions/" + code)
                .orElseThrow(() -> HisException.field("medinsinfo.fixmedins_code", code + " is not registered with the bureau"));
        JsonNode i = found.path("institution");
        ObjectNode output = json.createObjectNode();
        ArrayNode list = output.putArray("medinsinfo");
        boolean pharmacy = "PHARMACY".equals(i.path("kind").asString()) || call.caller().kind() == ClientKind.PHARMACY;
        ObjectNode m = list.addObject();
        m.put("fixmedins_code", i.path("code").asString());
        m.put("fixmedins_name", i.path("name").asString());
        m.put("fixmedins_type", pharmacy ? "2" : "1");
        m.put("hosp_lv", pharmacy ? null : codes.hospitalLevel(i.path("level").asString()));
        m.put("admdvs", i.path("regionCode").asString());
        return output;
    }

    /** 1901 字典表查询: a national dictionary's codes (dictionaries.yml), optionally those under a parent code. */
    JsonNode dictionary(Call call) {
        Input data = call.input().object("data");
        String type = data.text("type");
        Map<String, String> entries = declarations.dictionaries().get(type);
        if (entries == null) {
            throw HisException.field("data.type", type + " is not a dictionary of this interface; known: " + declarations.dictionaries().keySet());
        }
        String parent = data.optional("parentValue");
        data.optional("admdvs");
        data.optional("date");
        data.optional("vali_flag");
        ObjectNode output = json.createObjectNode();
        ArrayNode list = output.putArray("list");
        int sort = 0;
        for (var e : entries.entrySet()) {
            String parentOf = parentOf(e.getKey(), entries);
            if (parent != null && !parent.isEmpty() && !parent.equals(parentOf)) {
                continue;
            }
            list.addObject().put("type", type).put("label", e.getValue()).put("value", e.getKey()).put("parent_value", parentOf)
                    .put("sort", ++sort).put("vali_flag", "1");
        }
        return output;
    }

    /** A code's parent: the longest other code of the dictionary it begins with (1101 under 11). */
    private static String parentOf(String code, Map<String, String> codes) {
        String parent = null;
        for (String other : codes.keySet()) {
            if (!other.equals(code) && code.startsWith(other) && (parent == null || other.length() > parent.length())) {
                parent = other;
            }
        }
        return parent;
    }

    /**
     * 2001 人员待遇享受检查: whether the person is entitled on the visit's day — enrolled and active in
     * the year (the basic fund of their scheme), and holding a current medical-assistance identity (the
     * assistance fund). A trt_enjymnt_flag 0 row says why.
     */
    JsonNode entitlement(Call call) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        String insutype = data.text("insutype");
        data.text("med_type");
        data.optional("fixmedins_code");
        data.optional("endtime");
        data.optional("dise_codg");
        data.optional("dise_name");
        LocalDate day = data.dateTime("begntime").toLocalDate();
        ObjectNode output = json.createObjectNode();
        ArrayNode list = output.putArray("trtinfo");
        JsonNode enrollment = null;
        for (JsonNode e : platform.find("enrollment", "/api/enrollment/persons/" + person + "/enrollments").orElse(json.createArrayNode())) {
            if (e.path("year").asInt() == day.getYear() && codes.insutype(e.path("scheme").asString()).equals(insutype)) {
                enrollment = e;
            }
        }
        String basicFund = "310".equals(insutype) ? "310100" : "390100";
        ObjectNode basic = list.addObject().put("psn_no", person).put("trt_chk_type", "1").put("fund_pay_type", basicFund);
        if (enrollment == null) {
            basic.put("trt_enjymnt_flag", "0").put("trt_chk_rslt", "not enrolled in insutype " + insutype + " in " + day.getYear());
        } else if (!"ACTIVE".equals(enrollment.path("status").asString())) {
            basic.put("trt_enjymnt_flag", "0").put("trt_chk_rslt", "the enrollment of " + day.getYear() + " is "
                    + enrollment.path("status").asString().toLowerCase());
        } else {
            String from = NationalTime.date(enrollment.path("effectiveFrom").asString(null));
            if (from != null && day.isBefore(LocalDate.parse(from))) {
                basic.put("trt_enjymnt_flag", "0").put("trt_chk_rslt", "covered from " + from);
            } else {
                basic.put("trt_enjymnt_flag", "1").put("begndate", from == null ? day.getYear() + "-01-01" : from)
                        .put("enddate", day.getYear() + "-12-31");
            }
        }
        JsonNode identity = platform.find("assistance", "/api/assistance/persons/" + person + "/identity").orElse(null);
        if (identity != null && identity.path("current").isObject()) {
            list.addObject().put("psn_no", person).put("trt_chk_type", "1").put("fund_pay_type", "610100").put("trt_enjymnt_flag", "1")
                    .put("begndate", NationalTime.date(identity.path("current").path("valid_from").asString(null)))
                    .put("trt_chk_rslt", codes.identityName(codes.identity(identity.path("current").path("category").asString())));
        }
        return output;
    }
}
