package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.platform.ClearingClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 3203 清算申请 and 3204 清算申请撤销: the institution's application for a month's clearing, filed with and kept by
 * clearing-service (which gives its clr_appy_evt_id and reconciles it against what the platform owes the
 * institution for the month), and its cancellation. The step after reconciliation (3201/3202): the
 * institution, having reconciled its settlements, states what it claims for the month.
 *
 * <p>The month is setlym (yyyyMM); begndate and enddate are days of it (clearing refuses days of two months:
 * ASSUMPTION, the platform owes per Beijing month). clr_type 11, 21, 41 are outpatient, inpatient and pharmacy
 * (the dictionary's ASSUMPTION). The answer's stmtinfo (extension) says whether the month's applications in
 * force agree with the platform's owed, and names each amount that differs.
 */
@Component
class ClearingApplications {

    /** clr_type to clearing's clearing type. */
    static final Map<String, String> CLEARING_TYPES = Map.of("11", "OUTPATIENT", "21", "INPATIENT", "41", "PHARMACY");
    /** clearing's amounts by their national names. */
    private static final Map<String, String> NATIONAL_NAMES = Map.of("fundAmount", "fund_appy_sum", "accountAmount", "acct_pay");

    private final ClearingClient clearing;
    private final JsonMapper json;

    ClearingApplications(ClearingClient clearing, JsonMapper json) {
        this.clearing = clearing;
        this.json = json;
    }

    /** 3203 清算申请. */
    JsonNode file(Call call) {
        ClearingClient.Statement statement = statement(call.input().object("data"), call.msgid());
        return output(json, clearing.file(call.institution(), statement));
    }

    /** 3204 清算申请撤销: the application as cancelled (clr_appy_evt_id, an extension of the answer). */
    JsonNode cancel(Call call) {
        String id = call.input().object("data").text("clr_appy_evt_id");
        if (!id.matches("[0-9]{30}")) {
            throw HisException.field("data.clr_appy_evt_id", "is not a clearing application's id (30 digits, as 3203 answered it)");
        }
        ClearingClient.Application cancelled = clearing.cancel(call.institution(), id);
        ObjectNode output = json.createObjectNode();
        output.put("clr_appy_evt_id", cancelled.applicationId());
        return output;
    }

    /** The input of 3203 as clearing's statement; the month and the dates refused here name their fields. */
    static ClearingClient.Statement statement(Input data, String msgid) {
        String setlym = data.text("setlym");
        if (!setlym.matches("20[0-9]{2}(0[1-9]|1[0-2])")) {
            throw HisException.field("data.setlym", "must be a month written yyyyMM, such as 202611");
        }
        String period = setlym.substring(0, 4) + "-" + setlym.substring(4);
        LocalDate begin = LocalDate.parse(data.text("begndate"));
        LocalDate end = LocalDate.parse(data.text("enddate"));
        if (end.isBefore(begin)) {
            throw HisException.field("data.enddate", "must be on or after begndate");
        }
        if (!begin.toString().startsWith(period) || !end.toString().startsWith(period)) {
            throw HisException.field("data.enddate", "begndate and enddate must be days of setlym " + setlym
                    + ": an application clears one month");
        }
        return new ClearingClient.Statement(msgid, period, CLEARING_TYPES.get(data.text("clr_type")), data.optional("clr_way"), begin, end,
                Integer.parseInt(data.text("psntime")), yuan(data, "medfee_sumamt"), yuan(data, "med_sumfee"),
                yuan(data, "fund_appy_sum"), yuan(data, "cash_payamt"), yuan(data, "acct_pay"));
    }

    /** 3203's answer: the application's id, and (extension) its reconciliation against the platform's owed. */
    static ObjectNode output(JsonMapper json, ClearingClient.Application application) {
        ClearingClient.Reconciliation r = application.reconciliation();
        ObjectNode output = json.createObjectNode();
        output.put("clr_appy_evt_id", application.applicationId());
        ObjectNode info = output.putObject("stmtinfo");
        info.put("stmt_rslt", r.agrees() ? "0" : "1");
        String description = r.agrees()
                ? "与平台应付一致: fund_appy_sum " + r.platformFundOwed() + ", acct_pay " + r.platformAccountOwed()
                : String.join("; ", differences(r.differences()));
        info.put("stmt_rslt_dscr", description.length() > 200 ? description.substring(0, 197) + "..." : description);
        info.put("fund_appy_sum", r.platformFundOwed().amount());
        info.put("acct_pay", r.platformAccountOwed().amount());
        return output;
    }

    private static List<String> differences(List<ClearingClient.Difference> differences) {
        return differences.stream().map(d -> NATIONAL_NAMES.getOrDefault(d.amount(), d.amount()) + ": the month's applications state "
                + d.stated() + ", the platform owes " + d.platform() + " (difference " + d.difference() + ")").toList();
    }

    private static String yuan(Input data, String field) {
        BigDecimal amount = data.decimal(field);
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
