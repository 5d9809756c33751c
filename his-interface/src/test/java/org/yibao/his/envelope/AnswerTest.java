package org.yibao.his.envelope;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anAnswerIsTheNationalEnvelopeWithErrMsgNullAndNoSignature() {
        Answer answer = new Answer(0, "410000202611301200000000000001", "20261130120000123", "20261130120000456", null,
                json.createObjectNode().put("amount", new BigDecimal("1.50")), null, null);

        assertThat(json.writeValueAsString(answer)).isEqualTo("""
                {"infcode":0,"inf_refmsgid":"410000202611301200000000000001","refmsg_time":"20261130120000123",\
                "respond_time":"20261130120000456","err_msg":null,"output":{"amount":1.50}}""");
    }

    @Test
    void aSealedAnswerCarriesItsOutputAsTextThenSigntypeAndCainfo() {
        Answer refused = new Answer(-1, "R", "T1", "T2", "infno: is required", json.createObjectNode(), null, null);

        assertThat(json.writeValueAsString(refused.sealed(json.getNodeFactory().stringNode("c2VhbGVk"), "SM2", "c2ln"))).isEqualTo("""
                {"infcode":-1,"inf_refmsgid":"R","refmsg_time":"T1","respond_time":"T2","err_msg":"infno: is required",\
                "output":"c2VhbGVk","signtype":"SM2","cainfo":"c2ln"}""");
    }
}
