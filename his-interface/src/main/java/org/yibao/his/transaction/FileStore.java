package org.yibao.his.transaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The institutions' files (9101, and 3202's result files): table {@code his_file}. */
@Component
class FileStore {

    private final JdbcClient jdbc;

    FileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String number, String institution, String filename, byte[] content, String msgid) {
        jdbc.sql("insert into his_file (file_qury_no, institution, filename, content, msgid) values (?, ?, ?, ?, ?)")
                .params(number, institution, filename, content, msgid).update();
    }

    /** A file of the institution kept less than 30 days. */
    Optional<byte[]> content(String number, String institution) {
        return jdbc.sql("select content from his_file where file_qury_no = ? and institution = ? and uploaded_at > now() - interval '30 days'")
                .params(number, institution).query((rs, i) -> rs.getBytes(1)).optional();
    }
}
