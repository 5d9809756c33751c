package org.yibao.his.envelope;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.his.national.HisException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * msgid as the idempotency key: a message is claimed before it runs, its output kept when it
 * succeeds, and a repetition of the same message gets the first output back without running again.
 */
@Component
public class MessageLog {

    private final MessageLogStore store;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    MessageLog(MessageLogStore store, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Runs the transaction once per msgid; a repetition returns the first output. The claim commits on
     * its own (so that a concurrent repetition waits for it); the transaction's effects on this
     * interface's database and its answer commit together, in one database transaction, or not at all:
     * a refused message leaves nothing behind (issue 17, input 2: a duplicate feedetl_sn left the first
     * line on the visit).
     */
    public JsonNode once(Envelope envelope, Supplier<JsonNode> transaction) {
        String digest = digest(envelope);
        if (!store.claim(envelope.msgid(), envelope.fixmedinsCode(), envelope.infno(), digest)) {
            return repetition(envelope, digest);
        }
        try {
            return transactions.execute(status -> {
                JsonNode output = transaction.get();
                store.answered(envelope.msgid(), output);
                return output;
            });
        } catch (RuntimeException e) {
            // it changed nothing: the message may be sent again
            store.release(envelope.msgid());
            throw e;
        }
    }

    /** The original message's infno and output, for a correction (2601). */
    public Optional<Original> original(String msgid, String institution) {
        return store.original(msgid, institution);
    }

    public void markCorrected(String msgid, String correctionMsgid) {
        store.markCorrected(msgid, correctionMsgid);
    }

    /** A message that ran before, and what it answered. */
    public record Original(String msgid, String infno, JsonNode output, String correctedBy) {
    }

    private JsonNode repetition(Envelope envelope, String digest) {
        MessageLogStore.Logged first = store.get(envelope.msgid());
        if (!envelope.fixmedinsCode().equals(first.institution()) || !digest.equals(first.requestDigest())) {
            throw HisException.field("msgid", "was already used for a different message; every message needs its own msgid");
        }
        if (first.status() != MessageLogStore.Status.DONE) {
            // a claim older than any transaction's longest run (its process died before it finished) is let go
            throw HisException.field("msgid", store.releaseStale(envelope.msgid())
                    ? "this message's earlier run did not finish; send it again"
                    : "this message is still being processed; send it again shortly");
        }
        return first.output();
    }

    private String digest(Envelope envelope) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(envelope.infno().getBytes(StandardCharsets.UTF_8));
            sha.update(json.writeValueAsBytes(envelope.input()));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
