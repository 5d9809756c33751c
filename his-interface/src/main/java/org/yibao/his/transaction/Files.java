package org.yibao.his.transaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.HisException;
import org.yibao.his.envelope.Input;
import org.yibao.his.envelope.Transaction;
import org.yibao.his.national.NationalIds;
import org.yibao.his.national.NationalTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;

/**
 * 9101 文件上传 / 9102 文件下载: an institution's files (3202's detail file, and the result file it
 * answers), kept for 30 days and downloadable only by the institution that uploaded them. The file
 * travels in the message as base64 (the {@code in} byte array of the interface, as JSON clients send
 * it); at most 512 KiB, within the interface's 1 MiB message.
 */
final class Files {

    /** The largest file, in bytes. */
    static final int MAX_BYTES = 512 * 1024;

    private Files() {
    }

    /** Keeps a file and answers its file_qury_no. */
    static ObjectNode keep(JdbcClient jdbc, NationalIds ids, JsonMapper json, String institution, String filename, byte[] content, String msgid) {
        String number = ids.next();
        jdbc.sql("insert into his_file (file_qury_no, institution, filename, content, msgid) values (?, ?, ?, ?, ?)")
                .params(number, institution, filename, content, msgid).update();
        return json.createObjectNode().put("file_qury_no", number).put("filename", filename)
                .put("dld_endtime", NationalTime.time(NationalTime.now().plusDays(30)));
    }

    /** A file the institution uploaded (or was answered), or a refusal naming the field. */
    static byte[] find(JdbcClient jdbc, String number, String institution, String field) {
        return jdbc.sql("select content from his_file where file_qury_no = ? and institution = ? and uploaded_at > now() - interval '30 days'")
                .params(number, institution).query((rs, i) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> HisException.field(field, number + " is not a file of this institution (files are kept 30 days)"));
    }

    @Component
    static class Upload implements Transaction {
        private final JdbcClient jdbc;
        private final NationalIds ids;
        private final JsonMapper json;

        Upload(JdbcClient jdbc, NationalIds ids, JsonMapper json) {
            this.jdbc = jdbc;
            this.ids = ids;
            this.json = json;
        }

        @Override
        public boolean forPharmacies() {
            return true;
        }

        @Override
        public String infno() {
            return "9101";
        }

        @Override
        public JsonNode handle(Call call) {
            Input in = call.input().object("fsUploadIn");
            if (!in.text("fixmedins_code").equals(call.institution())) {
                throw HisException.field("fsUploadIn.fixmedins_code", in.text("fixmedins_code") + " is not the calling institution");
            }
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(in.text("in"));
            } catch (IllegalArgumentException e) {
                throw HisException.field("fsUploadIn.in", "is not the file's bytes in base64");
            }
            if (content.length == 0 || content.length > MAX_BYTES) {
                throw HisException.field("fsUploadIn.in", "holds " + content.length + " bytes; a file holds 1 to " + MAX_BYTES);
            }
            return keep(jdbc, ids, json, call.institution(), in.text("filename"), content, call.msgid());
        }
    }

    @Component
    static class Download implements Transaction {
        private final JdbcClient jdbc;
        private final JsonMapper json;

        Download(JdbcClient jdbc, JsonMapper json) {
            this.jdbc = jdbc;
            this.json = json;
        }

        @Override
        public boolean forPharmacies() {
            return true;
        }

        @Override
        public String infno() {
            return "9102";
        }

        @Override
        public JsonNode handle(Call call) {
            Input in = call.input().object("fsDownloadIn");
            if (!in.text("fixmedins_code").equals(call.institution())) {
                throw HisException.field("fsDownloadIn.fixmedins_code", in.text("fixmedins_code") + " is not the calling institution");
            }
            byte[] content = find(jdbc, in.text("file_qury_no"), call.institution(), "fsDownloadIn.file_qury_no");
            return json.createObjectNode().put("filename", in.text("filename")).put("file", Base64.getEncoder().encodeToString(content));
        }
    }
}
