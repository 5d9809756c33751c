package org.yibao.testsupport.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection for one load-generator client (benchmarks): a blocking socket, a POST, the
 * status and body back (Content-Length or chunked). The JDK's HttpClient costs the load generator
 * about as much CPU per request as the service spends answering it; on a two-core machine that
 * shared CPU would be measured as the platform's slowness.
 */
public final class KeepAliveHttp implements Closeable {

    public record Response(int status, String body) {
    }

    private final URI base;
    private final String authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** Calls with this bearer token (null: none). */
    public KeepAliveHttp(URI base, String bearerToken) {
        this.base = base;
        this.authorization = bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n";
    }

    public Response post(String path, String json) throws IOException {
        return post(path, json, authorization);
    }

    /** A POST with this call's own bearer token: one connection serving several callers (a simulated city's workers). */
    public Response postAs(String bearerToken, String path, String json) throws IOException {
        return post(path, json, "Authorization: Bearer " + bearerToken + "\r\n");
    }

    private Response post(String path, String json, String authorizationHeader) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n" + authorizationHeader
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
    }

    public Response get(String path) throws IOException {
        return send(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: application/json\r\n" + authorization + "\r\n").getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    private Response send(byte[] head, byte[] body) throws IOException {
        try {
            return exchange(head, body);
        } catch (IOException e) {
            // the server may have closed an idle connection; one fresh attempt
            close();
            return exchange(head, body);
        }
    }

    private Response exchange(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        out.write(request);
        out.flush();

        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                received.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            received.write(in.readNBytes(length));
        }
        if (closes) {
            close();
        }
        return new Response(status, received.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
