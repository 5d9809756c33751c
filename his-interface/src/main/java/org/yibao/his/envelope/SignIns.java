package org.yibao.his.envelope;

import org.springframework.stereotype.Component;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalIds;

/** The sign_no a sign-in (9001) issues, which every other transaction of the institution names. */
@Component
public class SignIns {

    private final SignInStore store;
    private final NationalIds ids;

    SignIns(SignInStore store, NationalIds ids) {
        this.store = store;
        this.ids = ids;
    }

    /** Signs out (9002): the sign_no is refused from then on. */
    public void signOut(String signNo, String institution) {
        if (!store.signOut(signNo, institution)) {
            throw HisException.field("signOut.sign_no", signNo + " is not a sign-in of this institution that is still open");
        }
    }

    public String signIn(String institution, String opter) {
        String signNo = ids.next();
        store.insert(signNo, institution, opter);
        return signNo;
    }

    void require(String signNo, String institution) {
        if (signNo == null || signNo.isBlank()) {
            throw HisException.field("sign_no", "is required: sign in with 9001 first");
        }
        var signedOut = store.signedOut(signNo, institution);
        if (signedOut.isEmpty()) {
            throw HisException.field("sign_no", "was not issued to this institution by 9001");
        }
        if (signedOut.get()) {
            throw HisException.field("sign_no", "was signed out (9002); sign in again with 9001");
        }
    }
}
