package org.yibao.his.envelope;

import org.yibao.security.CallerIdentity;

/** A transaction as received: the envelope, the verified caller, the input to read. */
public record Call(Envelope envelope, CallerIdentity caller, Input input) {

    public String institution() {
        return envelope.fixmedinsCode();
    }

    public String msgid() {
        return envelope.msgid();
    }
}
