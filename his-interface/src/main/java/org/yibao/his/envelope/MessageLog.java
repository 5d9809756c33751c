package org.yibao.his.envelope;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * msgid as the idempotency key: a message is claimed before it runs, its output kept when it
 * succeeds, and a repetition of the same message gets the first output back without running again.
 */
@Component
public class MessageLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ObjectReader stored;
    private final TransactionTemplate transactions;

    public MessageLog(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        // amounts are JSON numbers in this interface: read them back exactly as first answered, never as doubles
        this.stored = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
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
        try {
            jdbc.sql("insert into his_message (msgid, institution, infno, request_digest, status) values (?, ?, ?, ?, 'PROCESSING')")
                    .params(envelope.msgid(), envelope.fixmedinsCode(), envelope.infno(), digest).update();
        } catch (DuplicateKeyException repeated) {
            return repetition(envelope, digest);
        }
        try {
            return transactions.execute(status -> {
                JsonNode output = transaction.get();
                jdbc.sql("update his_message set status = 'DONE', output = ?, answered_at = now() where msgid = ?")
                        .params(json.writeValueAsString(output), envelope.msgid()).update();
                return output;
            });
        } catch (RuntimeException e) {
            // it changed nothing: the message may be sent again
            jdbc.sql("delete from his_message where msgid = ? and status = 'PROCESSING'").param(envelope.msgid()).update();
            throw e;
        }
    }

    /** The original message's infno and output, for a correction (2601). */
    public Optional<Original> original(String msgid, String institution) {
        return jdbc.sql("select infno, output, corrected_by from his_message where msgid = ? and institution = ? and status = 'DONE'")
                .params(msgid, institution)
                .query((rs, i) -> new Original(msgid, rs.getString("infno"), stored.readTree(rs.getString("output")),
                        rs.getString("corrected_by")))
                .optional();
    }

    public void markCorrected(String msgid, String correctionMsgid) {
        jdbc.sql("update his_message set corrected_by = ? where msgid = ?").params(correctionMsgid, msgid).update();
    }

    /** A message that ran before, and what it answered. */
    public record Original(String msgid, String infno, JsonNode output, String correctedBy) {
    }

    private JsonNode repetition(Envelope envelope, String digest) {
        Map<String, Object> first = jdbc.sql("select institution, infno, request_digest, status, output from his_message where msgid = ?")
                .param(envelope.msgid()).query().singleRow();
        if (!envelope.fixmedinsCode().equals(first.get("institution")) || !digest.equals(first.get("request_digest"))) {
            throw HisException.field("msgid", "was already used for a different message; every message needs its own msgid");
        }
        if (!"DONE".equals(first.get("status"))) {
            // a claim older than any transaction's longest run (its process died before it finished) is let go
            int released = jdbc.sql("delete from his_message where msgid = ? and status = 'PROCESSING' and received_at < now() - interval '2 minutes'")
                    .param(envelope.msgid()).update();
            throw HisException.field("msgid", released == 1
                    ? "this message's earlier run did not finish; send it again"
                    : "this message is still being processed; send it again shortly");
        }
        return stored.readTree((String) first.get("output"));
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
