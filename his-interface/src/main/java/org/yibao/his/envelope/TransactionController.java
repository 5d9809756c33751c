package org.yibao.his.envelope;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.his.national.Declarations;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalIds;
import org.yibao.his.national.NationalTime;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.web.text.TextUpload;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one door of the interface: {@code POST /api/his/transactions} with the common envelope. Every
 * answer is HTTP 200 with {@code infcode} 0 or -1, as the national platform answers; a refused
 * message changed nothing.
 */
@RestController
class TransactionController {

    private static final Logger log = LoggerFactory.getLogger(TransactionController.class);
    private final Transactions transactions;
    private final SignIns signIns;
    private final MessageLog messages;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Declarations declarations;
    private final NationalIds ids;
    private final MessageSecurity security;
    // numbers are read as written ("13.0" stays 13.0, 0.1 stays 0.1), never through a binary double (issue 17, input 9)
    private final ObjectReader reader;

    TransactionController(Transactions transactions, SignIns signIns, MessageLog messages, JsonMapper json, MeterRegistry meters,
                          Declarations declarations, NationalIds ids, MessageSecurity security) {
        this.transactions = transactions;
        this.signIns = signIns;
        this.messages = messages;
        this.json = json;
        this.meters = meters;
        this.declarations = declarations;
        this.ids = ids;
        this.security = security;
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @PostMapping(path = "/api/his/transactions", consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Answer transact(@RequestBody byte[] bytes,
                    @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                    CallerIdentity caller) {
        String received = NationalTime.millis();
        String infno = "?";
        MessageSecurity.Keys keys = null;
        try {
            // strictly in the declared charset (UTF-8 when none): a GBK body sent as UTF-8 is refused, never stored garbled
            String body = TextUpload.decode(bytes, contentType);
            if (body == null) {
                throw new HisException("the message is not valid " + (contentType != null && contentType.toLowerCase().contains("charset")
                        ? "text in its declared charset" : "UTF-8") + "; send UTF-8, or declare the charset (Content-Type: "
                        + "application/json; charset=GBK)");
            }
            JsonNode message = parse(body);
            if (message != null && message.isObject() && caller.institution() != null
                    && caller.institution().equals(message.path("fixmedins_code").asString(null))) {
                keys = security.keysOf(caller.institution()).orElse(null);
            }
            // an institution whose province signs and encrypts: its signature checked and its input decrypted first
            message = security.open(message, keys);
            Envelope envelope = Envelope.read(message);
            infno = envelope.infno();
            if (!envelope.fixmedinsCode().equals(caller.institution())) {
                throw HisException.field("fixmedins_code", envelope.fixmedinsCode()
                        + " is not the calling institution; this client acts only for " + caller.institution());
            }
            Transaction transaction = transactions.find(envelope.infno()).orElseThrow(() -> HisException.field("infno",
                    envelope.infno() + " is not a transaction of this interface; known: " + transactions.infnos()));
            if (caller.kind() == ClientKind.PHARMACY && !transaction.forPharmacies()) {
                throw HisException.field("infno", envelope.infno() + " is a hospital's transaction; a pharmacy calls "
                        + transactions.forPharmacies());
            }
            if (transaction.needsSignIn()) {
                signIns.require(envelope.signNo(), envelope.fixmedinsCode());
            }
            Declarations.Declared declared = declarations.of(envelope.infno());
            // every field against its declaration before anything runs
            declarations.checkInput(envelope.infno(), envelope.input());
            Call call = new Call(envelope, caller, new Input(envelope.input(), declared.inputPaths()));
            JsonNode output = messages.once(envelope, () -> transaction.handle(call));
            return security.seal(answer(infno, 0, received, output, null), keys);
        } catch (HisException e) {
            log.info("infno {} refused: {}", infno, e.getMessage());
            return security.seal(answer(infno, -1, received, null, e.getMessage()), keys);
        } catch (org.springframework.dao.TransientDataAccessException | org.springframework.dao.DataAccessResourceFailureException
                 | org.springframework.transaction.CannotCreateTransactionException e) {
            // a lock lost to another message on the same visit, a connection cut: the message's transaction rolled back
            log.warn("infno {} hit a transient database fault: {}", infno, e.toString());
            return security.seal(answer(infno, -1, received, null,
                    "the platform is busy with another message of this visit; nothing was changed, send the message again"), keys);
        }
    }

    private JsonNode parse(String body) {
        JsonNode message;
        try {
            message = reader.readTree(body);
        } catch (JacksonException e) {
            throw new HisException("the message is not valid JSON: " + e.getOriginalMessage());
        }
        numbersWithinTheInterface(message, "");
        return message;
    }

    /**
     * Refuses any JSON number beyond the interface's widest (16 digits, 6 decimals; a little room either
     * way), wherever it is: 1e999999999 would take seconds and gigabytes to write out in full.
     */
    private static void numbersWithinTheInterface(JsonNode node, String path) {
        if (node.isNumber()) {
            java.math.BigDecimal n = node.decimalValue();
            if (n.scale() > 20 || n.precision() - n.scale() > 20) {
                throw HisException.field(path.isEmpty() ? "message" : path, "is a number beyond the interface's (at most 16 digits with 6 decimals)");
            }
        } else if (node.isObject()) {
            for (var member : node.properties()) {
                numbersWithinTheInterface(member.getValue(), path.isEmpty() ? member.getKey() : path + "." + member.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                numbersWithinTheInterface(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private Answer answer(String infno, int infcode, String received, JsonNode output, String error) {
        meters.counter("yibao.his.transactions", "infno", infno.matches("\\d{4}A?") ? infno : "invalid",
                "infcode", Integer.toString(infcode)).increment();
        return new Answer(infcode, ids.reference(), received, NationalTime.millis(), error,
                output == null ? json.createObjectNode() : output, null, null);
    }
}
