package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.SignIns;
import org.yibao.his.envelope.Transaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** 9001 签到: issues the sign_no the institution's other transactions carry. */
@Component
class SignIn implements Transaction {

    private final SignIns signIns;
    private final JsonMapper json;

    SignIn(SignIns signIns, JsonMapper json) {
        this.signIns = signIns;
        this.json = json;
    }

    @Override
    public boolean forPharmacies() {
        return true;
    }

    @Override
    public String infno() {
        return "9001";
    }

    @Override
    public boolean needsSignIn() {
        return false;
    }

    @Override
    public JsonNode handle(Call call) {
        String opter = call.input().object("signIn").text("opter_no");
        String signNo = signIns.signIn(call.institution(), opter);
        var output = json.createObjectNode();
        output.putObject("signinoutb").put("sign_time", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
                .put("sign_no", signNo);
        return output;
    }
}
