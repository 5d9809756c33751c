package org.yibao.his.envelope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.yibao.his.national.NationalIds;

/** The sign_no a sign-in (9001) issues, which every other transaction of the institution names. */
@Component
public class SignIns {

    private final JdbcClient jdbc;
    private final NationalIds ids;

    SignIns(JdbcClient jdbc, NationalIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Signs out (9002): the sign_no is refused from then on. */
    public void signOut(String signNo, String institution) {
        int ended = jdbc.sql("update sign_in set signed_out_at = now() where sign_no = ? and institution = ? and signed_out_at is null")
                .params(signNo, institution).update();
        if (ended == 0) {
            throw HisException.field("signOut.sign_no", signNo + " is not a sign-in of this institution that is still open");
        }
    }

    public String signIn(String institution, String opter) {
        String signNo = ids.next();
        jdbc.sql("insert into sign_in (sign_no, institution, opter) values (?, ?, ?)").params(signNo, institution, opter).update();
        return signNo;
    }

    void require(String signNo, String institution) {
        if (signNo == null || signNo.isBlank()) {
            throw HisException.field("sign_no", "is required: sign in with 9001 first");
        }
        var signedOut = jdbc.sql("select signed_out_at is not null from sign_in where sign_no = ? and institution = ?")
                .params(signNo, institution).query(Boolean.class).optional();
        if (signedOut.isEmpty()) {
            throw HisException.field("sign_no", "was not issued to this institution by 9001");
        }
        if (signedOut.get()) {
            throw HisException.field("sign_no", "was signed out (9002); sign in again with 9001");
        }
    }
}
