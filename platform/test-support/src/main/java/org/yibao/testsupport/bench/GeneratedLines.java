package org.yibao.testsupport.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * A file body generated line by line as it is read: a header, then {@code rows} lines from a
 * function of the row number. Benchmarks stream it as an upload, so neither side holds the file.
 */
public final class GeneratedLines extends InputStream {

    private final long rows;
    private final LongFunction<String> row;
    private long next = -1;
    private byte[] line;
    private int pos;

    public GeneratedLines(String header, long rows, LongFunction<String> row) {
        this.rows = rows;
        this.row = row;
        this.line = (header + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        if (pos == line.length && !advance()) {
            return -1;
        }
        return line[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pos == line.length && !advance()) {
                return n == 0 ? -1 : n;
            }
            int chunk = Math.min(len - n, line.length - pos);
            System.arraycopy(line, pos, b, off + n, chunk);
            pos += chunk;
            n += chunk;
        }
        return n;
    }

    private boolean advance() {
        next++;
        if (next >= rows) {
            return false;
        }
        line = (row.apply(next) + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }
}
