package org.yibao.city.drive;

import org.yibao.city.model.Encounter;
import org.yibao.city.model.Formulary;
import org.yibao.city.model.Institution;
import org.yibao.city.model.Roster;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.testsupport.client.KeepAliveHttp;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hospital system that speaks the national medical-insurance interface (the city's township
 * hospitals and community centres run a cloud HIS): sign-in (9001), then per outpatient visit
 * registration (2201), visit information (2203), fee upload (2204) and settlement (2207); per stay
 * admission (2401), fee upload (2301), discharge (2402) and settlement (2304); a reversal is 2208.
 * All through the gateway's {@code /api/his/transactions} with the hospital's own client.
 */
final class NationalInterface {

    /** prd_days is numeric (4,2) in the 2204 layout: a HIS cannot state more than 99.99 days, so a longer supply goes without it. */
    private static final int MAX_PRD_DAYS = 99;

    static final String PATH = "/api/his/transactions";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A transaction the interface refused (infcode -1), with its message. */
    static final class Refused extends RuntimeException {
        final String infno;

        Refused(String infno, String message) {
            super(infno + ": " + message);
            this.infno = infno;
        }
    }

    private final Gateway gateway;
    private final Formulary formulary;
    private final Map<String, String> signNos = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sequences = new ConcurrentHashMap<>();

    /** @param formulary the institutions' own codes (medins_list_codg), mapped to the national ones */
    NationalInterface(Gateway gateway, Formulary formulary) {
        this.gateway = gateway;
        this.formulary = formulary;
    }

    /**
     * A settlement's {@code setlinfo} and the fee upload's answer per line, in the bill's line order
     * ({@code result[]} of 2204 or 2301: the class, the catalog's ceiling, the self-pay, and a memo when the
     * line is not in the catalog).
     */
    record Settled(JsonNode setlinfo, List<JsonNode> feeResults) {
    }

    /** The hospitals that bill through the national interface: township hospitals and community centres. */
    static boolean speaksIt(Institution institution) {
        return switch (institution.level()) {
            case LEVEL_1, COMMUNITY -> true;
            default -> false;
        };
    }

    /** Bills the encounter the national way; {@code asksAccount}: acct_used_flag 1, the personal account to pay. */
    Settled settle(KeepAliveHttp connection, Encounter e, boolean asksAccount) {
        Institution at = e.institution();
        String person = e.person().id().value();
        String insutype = e.person().scheme() == Scheme.EMPLOYEE ? "310" : "390";
        String diagnosis = e.diagnoses().isEmpty() ? "Z00" : e.diagnoses().get(0);
        List<Map<String, Object>> diseases = List.of(Map.of("psn_no", person, "diag_type", "1", "diag_srt_no", "1",
                "diag_code", diagnosis, "diag_name", diagnosis, "maindiag_flag", "1"));
        boolean inpatient = e.visitType() == VisitType.INPATIENT;
        if (e.visitType() != VisitType.GENERAL_OUTPATIENT && !inpatient) {
            throw new IllegalArgumentException(e.visitType() + " is not billed through the national interface here");
        }
        String medType = inpatient ? "21" : "11";
        LocalDateTime served = e.date().atTime(10, 0);
        String mdtrtId;
        JsonNode fees;
        Encounter.Facts facts = e.facts();
        String doctor = facts.doctorCode() != null ? facts.doctorCode() : "D001";
        String department = facts.departmentCode() != null ? facts.departmentCode() : "A03";
        if (inpatient) {
            LocalDateTime admitted = facts.admittedAt() != null ? facts.admittedAt() : e.date().minusDays(stayDays(e)).atTime(8, 0);
            if (facts.dischargedAt() != null) {
                served = facts.dischargedAt();
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("psn_no", person);
            info.put("insutype", insutype);
            info.put("begntime", admitted.format(TIME));
            info.put("mdtrt_cert_type", "02");
            info.put("mdtrt_cert_no", person);
            info.put("med_type", medType);
            info.put("ipt_no", "ZY" + e.messageId());
            info.put("atddr_no", doctor);
            info.put("chfpdr_name", "城市模拟");
            info.put("adm_diag_dscr", diagnosis);
            info.put("adm_dept_codg", department);
            info.put("adm_dept_name", "城市模拟科室");
            info.put("adm_bed", "1");
            info.put("dscg_maindiag_code", diagnosis);
            info.put("dscg_maindiag_name", diagnosis);
            mdtrtId = call(connection, at, "2401", Map.of("mdtrtinfo", info, "diseinfo", diseases)).at("/result/mdtrt_id").asString();
            fees = call(connection, at, "2301", fees(e, mdtrtId, medType, served));
            call(connection, at, "2402", Map.of("dscginfo", Map.of("mdtrt_id", mdtrtId, "psn_no", person, "insutype", insutype,
                    "endtime", served.format(TIME), "dscg_way", "1"), "diseinfo", diseases));
        } else {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("psn_no", person);
            data.put("insutype", insutype);
            data.put("begntime", served.format(TIME));
            data.put("mdtrt_cert_type", "02");
            data.put("mdtrt_cert_no", person);
            data.put("ipt_otp_no", "MZ" + e.messageId());
            data.put("atddr_no", doctor);
            data.put("dr_name", "城市模拟");
            data.put("dept_code", department);
            data.put("dept_name", "城市模拟科室");
            data.put("caty", department);
            mdtrtId = call(connection, at, "2201", Map.of("data", data)).at("/data/mdtrt_id").asString();
            call(connection, at, "2203", Map.of("mdtrtinfo", Map.of("mdtrt_id", mdtrtId, "psn_no", person, "med_type", medType,
                    "begntime", served.format(TIME), "dise_codg", diagnosis, "dise_name", diagnosis), "diseinfo", diseases));
            fees = call(connection, at, "2204", fees(e, mdtrtId, medType, served));
        }
        BigDecimal total = e.lines().stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> settle = new LinkedHashMap<>();
        settle.put("psn_no", person);
        settle.put("mdtrt_cert_type", "02");
        settle.put("mdtrt_cert_no", person);
        settle.put("med_type", medType);
        settle.put("medfee_sumamt", total.toPlainString());
        settle.put("psn_setlway", "01");
        settle.put("mdtrt_id", mdtrtId);
        settle.put("chrg_bchno", "1");
        settle.put("acct_used_flag", asksAccount ? "1" : "0");
        settle.put("insutype", insutype);
        settle.put("mid_setl_flag", "0");
        JsonNode setlinfo = call(connection, at, inpatient ? "2304" : "2207", Map.of("data", settle)).get("setlinfo");
        Map<String, JsonNode> bySn = new java.util.HashMap<>();
        fees.path("result").forEach(r -> bySn.put(r.path("feedetl_sn").asString(), r));
        List<JsonNode> results = new ArrayList<>();
        for (int n = 1; n <= e.lines().size(); n++) {
            results.add(bySn.getOrDefault(e.messageId() + "-" + n, tools.jackson.databind.node.MissingNode.getInstance()));
        }
        return new Settled(setlinfo, results);
    }

    /** Reverses a settlement (2208). */
    void reverse(KeepAliveHttp connection, Encounter e, JsonNode setlinfo) {
        call(connection, e.institution(), "2208", Map.of("data", Map.of("setl_id", setlinfo.path("setl_id").asString(),
                "mdtrt_id", setlinfo.path("mdtrt_id").asString(), "psn_no", e.person().id().value())));
    }

    private static int stayDays(Encounter e) {
        return e.lines().stream().filter(l -> l.item().code().startsWith("S1201")).findFirst()
                .map(l -> l.quantity().intValue()).orElse(1);
    }

    /**
     * The fee details: each line's national code (med_list_codg) and the hospital's own (medins_list_codg,
     * its approved mapping); an item no mapping can name (off the catalog) goes without one.
     */
    private Map<String, Object> fees(Encounter e, String mdtrtId, String medType, LocalDateTime served) {
        List<Map<String, Object>> details = new ArrayList<>();
        int n = 0;
        for (Encounter.Line line : e.lines()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("feedetl_sn", e.messageId() + "-" + ++n);
            d.put("mdtrt_id", mdtrtId);
            d.put("psn_no", e.person().id().value());
            d.put("med_type", medType);
            d.put("chrg_bchno", "1");
            d.put("fee_ocur_time", served.minusMinutes(30).format(TIME));
            d.put("med_list_codg", line.item().code());
            String own = formulary.ownCode(e.institution(), line.item());
            if (own != null) {
                d.put("medins_list_codg", own);
            }
            d.put("det_item_fee_sumamt", line.amount().amount().toPlainString());
            d.put("cnt", line.quantity().toPlainString());
            d.put("pric", line.unitPrice().amount().toPlainString());
            if (line.daysOfSupply() != null && line.daysOfSupply() <= MAX_PRD_DAYS) {
                d.put("prd_days", line.daysOfSupply()); // 周期天数 / 用药天数
            }
            if (line.doctorCode() != null) {
                d.put("bilg_dr_codg", line.doctorCode()); // 开单医生编码
            }
            if (e.facts().departmentCode() != null) {
                d.put("bilg_dept_codg", e.facts().departmentCode()); // 开单科室编码
            }
            details.add(d);
        }
        return Map.of("feedetail", details, "insuplc_admdvs", Roster.CITY, "mdtrtarea_admvs", Roster.CITY);
    }

    private JsonNode call(KeepAliveHttp connection, Institution at, String infno, Object input) {
        String signNo = signNos.computeIfAbsent(at.code(), code -> call(connection, at, "9001", null,
                Map.of("signIn", Map.of("opter_no", "001", "mac", "00-00-00-00-00-00", "ip", "10.0.0.1")))
                .at("/signinoutb/sign_no").asString());
        return call(connection, at, infno, signNo, input);
    }

    private JsonNode call(KeepAliveHttp connection, Institution at, String infno, String signNo, Object input) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("infno", infno);
        envelope.put("msgid", at.code() + LocalDateTime.now().format(STAMP)
                + String.format("%04d", sequences.computeIfAbsent(at.code(), c -> new AtomicInteger()).incrementAndGet() % 10_000));
        envelope.put("mdtrtarea_admvs", Roster.CITY);
        envelope.put("insuplc_admdvs", Roster.CITY);
        envelope.put("recer_sys_code", "HIS");
        envelope.put("infver", "V1.0");
        envelope.put("opter_type", "1");
        envelope.put("opter", "001");
        envelope.put("opter_name", "城市模拟");
        envelope.put("inf_time", LocalDateTime.now().format(TIME));
        envelope.put("fixmedins_code", at.code());
        envelope.put("fixmedins_name", at.name());
        envelope.put("sign_no", signNo);
        envelope.put("input", input);
        String message = Json.write(envelope);
        for (int attempt = 1; ; attempt++) {
            Gateway.Response r = gateway.post(connection, at.clientId(), "POST " + PATH + " " + infno, PATH, message);
            if (!r.ok()) {
                throw new Refused(infno, "HTTP " + r.status() + " " + r.body());
            }
            JsonNode answer = Json.read(r.body());
            if (answer.path("infcode").asInt() == 0) {
                return answer.path("output");
            }
            String error = answer.path("err_msg").asString();
            // a transient fault the interface says to send again: the same message, the same msgid, as a HIS would
            if (attempt < SEND_AGAIN_ATTEMPTS && (error.contains("send the same message again") || error.contains("send the message again")
                    || error.contains("send it again"))) {
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                continue;
            }
            throw new Refused(infno, error);
        }
    }

    /** How many times in all a message the interface asks to be sent again is sent. */
    private static final int SEND_AGAIN_ATTEMPTS = 4;
}
