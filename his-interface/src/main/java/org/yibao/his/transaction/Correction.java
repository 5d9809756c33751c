package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.envelope.MessageLog;
import org.yibao.his.national.HisException;
import org.yibao.his.visit.VisitStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 2601 冲正交易: undoes what an earlier message did, named by its msgid — typically when the HIS
 * never received the answer and cannot tell whether it took effect. A message is corrected once.
 */
@Component
class Correction {

    private final MessageLog messages;
    private final VisitStore store;
    private final Registration registration;
    private final Settling settling;
    private final ChronicFiling filing;
    private final JsonMapper json;

    Correction(MessageLog messages, VisitStore store, Registration registration, Settling settling, ChronicFiling filing, JsonMapper json) {
        this.messages = messages;
        this.store = store;
        this.registration = registration;
        this.settling = settling;
        this.filing = filing;
        this.json = json;
    }

    /** 2601. */
    JsonNode correct(Call call) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        String omsgid = data.text("omsgid");
        MessageLog.Original original = messages.original(omsgid, call.institution())
                .orElseThrow(() -> HisException.field("data.omsgid", omsgid + " is not a message this institution sent that took effect"));
        if (!original.infno().equals(data.text("oinfno"))) {
            throw HisException.field("data.oinfno", "message " + omsgid + " was a " + original.infno() + ", not a " + data.text("oinfno"));
        }
        if (original.correctedBy() != null) {
            throw HisException.field("data.omsgid", omsgid + " was already corrected by " + original.correctedBy());
        }
        JsonNode out = original.output();
        JsonNode result = switch (original.infno()) {
            case "2201" -> {
                registration.cancelVisit(out.path("data").path("mdtrt_id").asString(), call.institution(), person);
                yield json.createObjectNode();
            }
            case "2401" -> {
                registration.cancelVisit(out.path("result").path("mdtrt_id").asString(), call.institution(), person);
                yield json.createObjectNode();
            }
            case "2204", "2301" -> {
                removeUpload(omsgid);
                yield json.createObjectNode();
            }
            case "2207", "2304", "2102" -> settling.reverse(call, out.path("setlinfo").path("setl_id").asString(),
                    out.path("setlinfo").path("mdtrt_id").asString(), person);
            case "2503" -> {
                filing.withdraw(out.path("result").path("trt_dcla_detl_sn").asString(), call, "冲正 " + omsgid);
                yield json.createObjectNode();
            }
            default -> throw HisException.field("data.oinfno", original.infno()
                    + " cannot be corrected: it changed nothing, or has a reversal of its own");
        };
        messages.markCorrected(omsgid, call.msgid());
        return result;
    }

    /** Removes what an upload added (2601 of a 2204/2301); refused when any of it was settled. */
    private void removeUpload(String msgid) {
        if (store.settledUploadedBy(msgid) > 0) {
            throw HisException.field("data.omsgid", msgid + " uploaded details that are settled; reverse the settlement first");
        }
        store.removeUploadedBy(msgid);
    }
}
