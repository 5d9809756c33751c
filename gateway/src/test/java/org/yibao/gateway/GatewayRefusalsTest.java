package org.yibao.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway refuses before any rule or service sees it answers problem+json like every other
 * refusal (the security review found empty 400, 414 and 431 answers). Sent as raw HTTP/1.1 over a
 * socket, the way a broken or hostile client sends it, since an HTTP client library would normalise it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "yibao.audit.dir=target/audit"})
class GatewayRefusalsTest {

    @Autowired
    private Environment environment;

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("an encoded slash", "GET /api/settlement/a%2Fb HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("an encoded climb to another service", "GET /api/settlement/a%2F..%2F..%2Fenrollment/persons HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("an encoded NUL", "GET /api/settlement/%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("a 20,000-character URI", "GET /api/settlement/" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
                Arguments.of("a 20,000-byte header", "GET /api/settlement/x HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n", 431),
                Arguments.of("a body announced at 120 MB on an API path", "POST /api/settlement/settlements HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 120000000\r\n\r\n{", 413),
                Arguments.of("a 9,000-character bearer token", "GET /api/settlement/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + "a".repeat(9_000) + "\r\n\r\n", 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedWithAProblem(String what, String request, int status) throws IOException {
        String answer = send(request);

        assertThat(answer).as(what).startsWith("HTTP/1.1 " + status);
        assertThat(answer.toLowerCase()).as(what).contains("content-type: application/problem+json");
        assertThat(answer).as(what).contains("\"status\":" + status);
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", environment.getRequiredProperty("local.server.port", Integer.class))) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
                    break;
                }
            }
            return answer.toString();
        }
    }
}
