package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.platform.SettlementClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.util.Locale;

/** 5206 人员累计信息查询: the person's year-to-date accumulators from settlement-service. */
@Component
class Accumulators {

    private final SettlementClient settlement;
    private final NationalCodes codes;
    private final JsonMapper json;

    Accumulators(SettlementClient settlement, NationalCodes codes, JsonMapper json) {
        this.settlement = settlement;
        this.codes = codes;
        this.json = json;
    }

    /** 5206. */
    JsonNode accumulators(Call call) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        String month = data.text("cum_ym");
        if (!month.matches("\\d{6}")) {
            throw HisException.field("data.cum_ym", "must be yyyyMM");
        }
        SettlementClient.PersonAccumulators found = settlement.accumulators(person, Integer.parseInt(month.substring(0, 4)))
                .orElseThrow(() -> HisException.field("data.psn_no", "has no enrollment in " + month.substring(0, 4)));
        boolean employee = found.scheme() == Scheme.EMPLOYEE;
        String insutype = codes.insutype(found.scheme().name());
        SettlementClient.Accumulated a = found.accumulators();
        var output = json.createObjectNode();
        // cuminfo, as clients read it (issue 17, output 12: cumrec was read as no accumulators at all). The codes follow the
        // national pattern within the spec's 10 characters: a prefix (Q 起付线, D a fund's payments, Z 政策范围内自付), the fund
        // code or 0000, and the pool's medical type (ASSUMPTION: the spec's table gives the length, not the values)
        ArrayNode records = output.putArray("cuminfo");
        a.deductibleUsed().forEach((pool, amount) -> add(records, insutype, month, "Q0000" + pool(pool), amount));
        a.fundPaid().forEach((pool, amount) -> add(records, insutype, month, (employee ? "D310101" : "D390101") + pool(pool), amount));
        add(records, insutype, month, "Z0000_102", a.policyScopeSelfPay());
        add(records, insutype, month, employee ? "D330101" : "D390201", a.catastrophicPaid());
        add(records, insutype, month, "D999701", a.supplementaryPaid());
        add(records, insutype, month, "D610101", a.assistancePaid());
        return output;
    }

    /**
     * The suffix of a policy pack's cap pool: the national medical type (outpatient _11, chronic _14,
     * inpatient _21); a pool of the pack's own (e.g. liangbing, 两病) by its name's first two letters.
     */
    private static String pool(String capPool) {
        return switch (capPool) {
            case "outpatient" -> "_11";
            case "chronic" -> "_14";
            case "inpatient" -> "_21";
            default -> "_" + (capPool.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "") + "XX").substring(0, 2);
        };
    }

    private static void add(ArrayNode records, String insutype, String month, String type, Money amount) {
        records.addObject().put("insutype", insutype).put("year", month.substring(0, 4)).put("cum_type_code", type)
                .put("cum", amount.amount()).put("cum_ym", month);
    }
}
