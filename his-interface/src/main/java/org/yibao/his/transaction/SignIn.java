package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.SignIns;
import org.yibao.his.envelope.Input;
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
        output.putObject("signinoutb").put("sign_time", org.yibao.his.national.NationalTime.time(org.yibao.his.national.NationalTime.now()))
                .put("sign_no", signNo);
        return output;
    }

    /** 9002 签退: ends a sign-in; its sign_no is refused from then on. */
    @Component
    static class SignOut implements Transaction {
        private final SignIns signIns;
        private final JsonMapper json;

        SignOut(SignIns signIns, JsonMapper json) {
            this.signIns = signIns;
            this.json = json;
        }

        @Override
        public boolean forPharmacies() {
            return true;
        }

        @Override
        public String infno() {
            return "9002";
        }

        @Override
        public JsonNode handle(Call call) {
            Input signOut = call.input().object("signOut");
            signOut.text("opter_no");
            signIns.signOut(signOut.text("sign_no"), call.institution());
            var output = json.createObjectNode();
            output.putObject("signoutoutb").put("sign_time", org.yibao.his.national.NationalTime.time(org.yibao.his.national.NationalTime.now()));
            return output;
        }
    }
}
