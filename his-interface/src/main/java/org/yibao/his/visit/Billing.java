package org.yibao.his.visit;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.HisException;
import org.yibao.his.platform.PlatformApis;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A visit's uploaded details as the platform's one bill: pre-settled or settled by settlement-service
 * (the only place that adjudicates), so that the interface's amounts are the native bill's to the fen.
 */
@Component
public class Billing {

    /** The interface's medical types (med_type) this platform settles, and its own visit types. */
    private static final Map<String, String> VISIT_TYPES = Map.of(
            "11", "GENERAL_OUTPATIENT",    // 普通门诊
            "14", "CHRONIC_OUTPATIENT",    // 门诊慢特病
            "41", "PHARMACY",              // 定点药店购药
            "21", "INPATIENT");            // 普通住院

    private final PlatformApis platform;
    private final Visits visits;

    Billing(PlatformApis platform, Visits visits) {
        this.platform = platform;
        this.visits = visits;
    }

    public static String visitType(String medType, String field) {
        String type = VISIT_TYPES.get(medType);
        if (type == null) {
            throw HisException.field(field, medType + " is not a medical type this platform settles; one of " + VISIT_TYPES.keySet());
        }
        return type;
    }

    /**
     * The bill of the visit's details.
     *
     * @param declaredTotal medfee_sumamt as the HIS computed it; it must be the details' sum
     * @param settle        settle (message id = msgid, so a repeated settle returns the same bill) or only pre-settle
     */
    public JsonNode bill(Visit visit, BigDecimal declaredTotal, String msgid, boolean settle) {
        List<FeeLine> lines = visits.lines(visit.mdtrtId());
        if (lines.isEmpty()) {
            throw HisException.field("data.mdtrt_id", "visit " + visit.mdtrtId() + " has no fee details; upload them first");
        }
        BigDecimal total = lines.stream().map(FeeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (declaredTotal.compareTo(total) != 0) {
            throw HisException.field("data.medfee_sumamt", declaredTotal + " is not the sum of the uploaded details, " + total);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("messageId", msgid);
        request.put("personId", visit.personId());
        request.put("institutionCode", visit.institution());
        request.put("visitType", visitType(visit.medType(), "med_type"));
        request.put("serviceDate", visit.serviceDate().toString());
        request.put("diagnosisCodes", visit.diagnoses());
        request.put("lines", lines.stream().map(l -> Map.of("itemCode", l.itemCode(), "quantity", l.quantity(),
                "unitPrice", l.unitPrice().toPlainString())).toList());
        return platform.post("settlement", settle ? "/api/settlement/settlements" : "/api/settlement/pre-settlements", request);
    }
}
