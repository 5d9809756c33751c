package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.national.NationalTime;
import org.yibao.his.platform.PlatformApis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

/**
 * 1101 人员信息获取: the person (baseinfo), their enrollments (insuinfo) and low-income identities
 * (idetinfo), from enrollment-service and assistance-service. The certificate is the resident id
 * (mdtrt_cert_type 02) or an e-voucher token (01), exchanged once with enrollment-service.
 */
@Component
class PersonInfo {

    private final PlatformApis platform;
    private final NationalCodes codes;
    private final JsonMapper json;

    PersonInfo(PlatformApis platform, NationalCodes codes, JsonMapper json) {
        this.platform = platform;
        this.codes = codes;
        this.json = json;
    }

    /** 1101. */
    JsonNode person(Call call) {
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
        // the personal account's balance (个人账户余额) a HIS shows before it asks acct_used_flag; 0.00 without an account
        BigDecimal balance = platform.find("settlement", "/api/settlement/accounts/" + personId)
                .map(a -> new BigDecimal(a.path("balance").asString()).setScale(2)).orElse(BigDecimal.ZERO.setScale(2));

        ObjectNode output = json.createObjectNode();
        ObjectNode base = output.putObject("baseinfo");
        LocalDate birth = LocalDate.parse(person.path("birthDate").asString());
        base.put("psn_no", personId);
        base.put("psn_cert_type", "01");
        base.put("certno", personId);
        base.put("psn_name", person.path("name").isNull() ? null : person.path("name").asString());
        base.put("gend", "MALE".equals(person.path("gender").asString()) ? "1" : "2");
        base.put("brdy", birth.toString());
        int age = Period.between(birth, NationalTime.today()).getYears();
        base.put("age", age);
        var insurance = output.putArray("insuinfo");
        for (JsonNode e : enrollments) {
            ObjectNode i = insurance.addObject();
            boolean employee = "EMPLOYEE".equals(e.path("scheme").asString());
            i.put("insutype", codes.insutype(e.path("scheme").asString()));
            i.put("year", e.path("year").asInt());
            i.put("psn_type", codes.personType(e.path("personType").asString(), age));
            i.put("psn_insu_stas", "ACTIVE".equals(e.path("status").asString()) ? "1" : "2");
            i.put("psn_insu_date", NationalTime.date(e.path("effectiveFrom").asString(null)) == null
                    ? e.path("year").asInt() + "-01-01" : NationalTime.date(e.path("effectiveFrom").asString()));
            i.put("insuplc_admdvs", e.path("regionCode").asString());
            i.put("cvlserv_flag", "0");
            // the account is the employee's (城乡居民医保不设个人账户): an employee's insurance shows its balance, a
            // resident's 0.00, never null (issue 17, output 10)
            i.put("balc", employee ? balance : BigDecimal.ZERO.setScale(2));
        }
        var identities = output.putArray("idetinfo");
        if (identity != null && identity.path("current").isObject()) {
            JsonNode current = identity.path("current");
            String code = codes.identity(current.path("category").asString());
            if (code != null) {
                ObjectNode i = identities.addObject();
                i.put("psn_idet_type", code);
                i.put("psn_idet_type_name", codes.identityName(code));
                i.put("begntime", startOfDay(current.path("valid_from").asString(null)));
                i.put("endtime", current.path("valid_to").isNull() ? null : endOfDay(current.path("valid_to").asString(null)));
            }
        }
        return output;
    }

    /** The last moment of a date a service answered (valid through that day), as the interface's time. */
    static String endOfDay(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() == 10 ? value + " 23:59:59" : NationalTime.time(value);
    }

    /** A date or instant a service answered, as the interface's time (Beijing). */
    private static String startOfDay(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() == 10 ? value + " 00:00:00" : NationalTime.time(value);
    }
}
