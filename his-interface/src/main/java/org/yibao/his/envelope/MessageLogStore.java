package org.yibao.his.envelope;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/** The messages received, by msgid, with what each answered: table {@code his_message}. */
@Component
class MessageLogStore {

    /** A message's state: claimed while it runs, done once its answer is kept. */
    enum Status { PROCESSING, DONE }

    /** A message as logged. */
    record Logged(String institution, String infno, String requestDigest, Status status, JsonNode output) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ObjectReader stored;

    MessageLogStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        // amounts are JSON numbers in this interface: read them back exactly as first answered, never as doubles
        this.stored = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Claims a msgid for a message about to run; false when the msgid was claimed before. */
    boolean claim(String msgid, String institution, String infno, String requestDigest) {
        try {
            jdbc.sql("insert into his_message (msgid, institution, infno, request_digest, status) values (?, ?, ?, ?, ?)")
                    .params(msgid, institution, infno, requestDigest, Status.PROCESSING.name()).update();
            return true;
        } catch (DuplicateKeyException repeated) {
            return false;
        }
    }

    void answered(String msgid, JsonNode output) {
        jdbc.sql("update his_message set status = ?, output = ?, answered_at = now() where msgid = ?")
                .params(Status.DONE.name(), json.writeValueAsString(output), msgid).update();
    }

    /** Lets a claim go (its message changed nothing). */
    void release(String msgid) {
        jdbc.sql("delete from his_message where msgid = ? and status = ?").params(msgid, Status.PROCESSING.name()).update();
    }

    /** Lets a claim go that is older than two minutes; whether there was one. */
    boolean releaseStale(String msgid) {
        return jdbc.sql("delete from his_message where msgid = ? and status = ? and received_at < now() - interval '2 minutes'")
                .params(msgid, Status.PROCESSING.name()).update() == 1;
    }

    /** The message logged under a msgid (it must be there). */
    Logged get(String msgid) {
        return jdbc.sql("select institution, infno, request_digest, status, output from his_message where msgid = ?")
                .param(msgid)
                .query((rs, i) -> new Logged(rs.getString("institution"), rs.getString("infno"), rs.getString("request_digest"),
                        Status.valueOf(rs.getString("status")), rs.getString("output") == null ? null : stored.readTree(rs.getString("output"))))
                .single();
    }

    /** A message of the institution that took effect. */
    Optional<MessageLog.Original> original(String msgid, String institution) {
        return jdbc.sql("select infno, output, corrected_by from his_message where msgid = ? and institution = ? and status = ?")
                .params(msgid, institution, Status.DONE.name())
                .query((rs, i) -> new MessageLog.Original(msgid, rs.getString("infno"), stored.readTree(rs.getString("output")),
                        rs.getString("corrected_by")))
                .optional();
    }

    void markCorrected(String msgid, String correctionMsgid) {
        jdbc.sql("update his_message set corrected_by = ? where msgid = ?").params(correctionMsgid, msgid).update();
    }
}
