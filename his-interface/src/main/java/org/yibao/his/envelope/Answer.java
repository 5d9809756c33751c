package org.yibao.his.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * The common answer of every transaction (通用出参), always HTTP 200.
 *
 * @param infcode     0 done, -1 refused
 * @param infRefmsgid the platform's 30-digit reference of the answer
 * @param refmsgTime  when the message was received, yyyyMMddHHmmssSSS (Beijing)
 * @param respondTime when it was answered, yyyyMMddHHmmssSSS (Beijing)
 * @param errMsg      why it was refused, naming the field; null when done
 * @param output      the transaction's output ({} when refused), or for an institution that signs, the
 *                    base64 of its SM4 encryption
 * @param signtype    "SM2" on a sealed answer; absent otherwise
 * @param cainfo      the platform's signature of a sealed answer; absent otherwise
 */
@JsonPropertyOrder({"infcode", "inf_refmsgid", "refmsg_time", "respond_time", "err_msg", "output", "signtype", "cainfo"})
public record Answer(int infcode,
                     @JsonProperty("inf_refmsgid") String infRefmsgid,
                     @JsonProperty("refmsg_time") String refmsgTime,
                     @JsonProperty("respond_time") String respondTime,
                     @JsonProperty("err_msg") String errMsg,
                     JsonNode output,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String signtype,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String cainfo) {

    /** This answer with its output sealed and signed. */
    Answer sealed(JsonNode sealedOutput, String signtype, String cainfo) {
        return new Answer(infcode, infRefmsgid, refmsgTime, respondTime, errMsg, sealedOutput, signtype, cainfo);
    }
}
