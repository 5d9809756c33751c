package org.yibao.his.envelope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The sign_no a sign-in (9001) issues, which every other transaction of the institution names. */
@Component
public class SignIns {

    private final JdbcClient jdbc;

    SignIns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String signIn(String institution, String opter) {
        String signNo = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into sign_in (sign_no, institution, opter) values (?, ?, ?)").params(signNo, institution, opter).update();
        return signNo;
    }

    void require(String signNo, String institution) {
        if (signNo == null || signNo.isBlank()) {
            throw HisException.field("sign_no", "is required: sign in with 9001 first");
        }
        boolean known = jdbc.sql("select count(*) from sign_in where sign_no = ? and institution = ?")
                .params(signNo, institution).query(Integer.class).single() == 1;
        if (!known) {
            throw HisException.field("sign_no", "was not issued to this institution by 9001");
        }
    }
}
