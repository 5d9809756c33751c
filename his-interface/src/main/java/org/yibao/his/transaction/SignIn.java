package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.envelope.SignIns;
import org.yibao.his.national.NationalTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 9001 签到 and 9002 签退: the sign_no the institution's other transactions carry. */
@Component
class SignIn {

    private final SignIns signIns;
    private final JsonMapper json;

    SignIn(SignIns signIns, JsonMapper json) {
        this.signIns = signIns;
        this.json = json;
    }

    /** 9001: issues the sign_no the institution's other transactions carry. */
    JsonNode signIn(Call call) {
        String opter = call.input().object("signIn").text("opter_no");
        String signNo = signIns.signIn(call.institution(), opter);
        var output = json.createObjectNode();
        output.putObject("signinoutb").put("sign_time", NationalTime.time(NationalTime.now())).put("sign_no", signNo);
        return output;
    }

    /** 9002: ends a sign-in; its sign_no is refused from then on. */
    JsonNode signOut(Call call) {
        Input signOut = call.input().object("signOut");
        signOut.text("opter_no");
        signIns.signOut(signOut.text("sign_no"), call.institution());
        var output = json.createObjectNode();
        output.putObject("signoutoutb").put("sign_time", NationalTime.time(NationalTime.now()));
        return output;
    }
}
