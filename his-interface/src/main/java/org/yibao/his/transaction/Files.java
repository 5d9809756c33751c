package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
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
@Component
class Files {

    /** The largest file, in bytes. */
    static final int MAX_BYTES = 512 * 1024;

    private final FileStore store;
    private final NationalIds ids;
    private final JsonMapper json;

    Files(FileStore store, NationalIds ids, JsonMapper json) {
        this.store = store;
        this.ids = ids;
        this.json = json;
    }

    /** Keeps a file and answers its file_qury_no. */
    ObjectNode keep(String institution, String filename, byte[] content, String msgid) {
        String number = ids.next();
        store.insert(number, institution, filename, content, msgid);
        return json.createObjectNode().put("file_qury_no", number).put("filename", filename)
                .put("dld_endtime", NationalTime.time(NationalTime.now().plusDays(30)));
    }

    /** A file the institution uploaded (or was answered), or a refusal naming the field. */
    byte[] find(String number, String institution, String field) {
        return store.content(number, institution)
                .orElseThrow(() -> HisException.field(field, number + " is not a file of this institution (files are kept 30 days)"));
    }

    /** 9101. */
    JsonNode upload(Call call) {
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
        return keep(call.institution(), in.text("filename"), content, call.msgid());
    }

    /** 9102. */
    JsonNode download(Call call) {
        Input in = call.input().object("fsDownloadIn");
        if (!in.text("fixmedins_code").equals(call.institution())) {
            throw HisException.field("fsDownloadIn.fixmedins_code", in.text("fixmedins_code") + " is not the calling institution");
        }
        byte[] content = find(in.text("file_qury_no"), call.institution(), "fsDownloadIn.file_qury_no");
        return json.createObjectNode().put("filename", in.text("filename")).put("file", Base64.getEncoder().encodeToString(content));
    }
}
