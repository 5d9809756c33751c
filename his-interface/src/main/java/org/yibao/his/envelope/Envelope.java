package org.yibao.his.envelope;

import org.yibao.his.national.HisException;
import tools.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/**
 * The common envelope of every transaction (通用入参). {@code msgid} is the institution code,
 * {@code yyyyMMddHHmmss} and a four-digit sequence, and identifies the message for ever.
 */
public record Envelope(String infno, String msgid, String mdtrtareaAdmvs, String insuplcAdmdvs, String recerSysCode,
                       String opterType, String opter, String opterName, String infTime, String fixmedinsCode,
                       String fixmedinsName, String signNo, JsonNode input) {

    private static final Pattern INFNO = Pattern.compile("\\d{4}A?");   // four digits, or a newer variant such as 4101A
    private static final Pattern STAMP_AND_SEQUENCE = Pattern.compile("\\d{14}\\d{4}");

    /** Reads and checks the envelope; the input is left for the transaction. */
    public static Envelope read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new HisException("the message is not a JSON object");
        }
        Envelope e = new Envelope(text(body, "infno"), text(body, "msgid"), text(body, "mdtrtarea_admvs"),
                text(body, "insuplc_admdvs"), text(body, "recer_sys_code"), text(body, "opter_type"), text(body, "opter"),
                text(body, "opter_name"), text(body, "inf_time"), text(body, "fixmedins_code"), text(body, "fixmedins_name"),
                text(body, "sign_no"), body.get("input"));
        required(e.infno, "infno");
        if (!INFNO.matcher(e.infno).matches()) {
            throw HisException.field("infno", "must be a four-digit transaction code (or its A variant, such as 4101A)");
        }
        required(e.fixmedinsCode, "fixmedins_code");
        required(e.msgid, "msgid");
        if (!e.msgid.startsWith(e.fixmedinsCode)
                || !STAMP_AND_SEQUENCE.matcher(e.msgid.substring(e.fixmedinsCode.length())).matches()) {
            throw HisException.field("msgid", "must be fixmedins_code + yyyyMMddHHmmss + a four-digit sequence");
        }
        required(e.opter, "opter");
        required(e.infTime, "inf_time");
        if (e.input == null || !e.input.isObject()) {
            throw HisException.field("input", "is required and must be a JSON object");
        }
        return e;
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw HisException.field(field, "is required");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asString().trim();
    }
}
