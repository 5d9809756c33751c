package org.yibao.his.envelope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The sign-ins (签到) of the institutions: table {@code sign_in}. */
@Component
class SignInStore {

    private final JdbcClient jdbc;

    SignInStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String signNo, String institution, String opter) {
        jdbc.sql("insert into sign_in (sign_no, institution, opter) values (?, ?, ?)").params(signNo, institution, opter).update();
    }

    /** Ends a sign-in still open; whether there was one. */
    boolean signOut(String signNo, String institution) {
        return jdbc.sql("update sign_in set signed_out_at = now() where sign_no = ? and institution = ? and signed_out_at is null")
                .params(signNo, institution).update() > 0;
    }

    /** Whether the institution's sign-in was signed out; empty when the institution has no such sign-in. */
    Optional<Boolean> signedOut(String signNo, String institution) {
        return jdbc.sql("select signed_out_at is not null from sign_in where sign_no = ? and institution = ?")
                .params(signNo, institution).query(Boolean.class).optional();
    }
}
