package org.yibao.web.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yibao.web.RequestIds;
import org.yibao.web.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds what a JSON body may cost a service, whose heap is small (256 MiB locally): a JSON body
 * (a call: a bill, a national-interface message) is at most 1 MiB — refused 413 when its
 * Content-Length says more, cut off (400) when a chunked body grows past it — and at most four bodies
 * above 64 KiB are read at once; a fifth waits up to two seconds, then is answered 503 with
 * Retry-After. Four concurrent 15 MiB bodies ended a service with OutOfMemoryError (found by an
 * independent review). Files (CSV, JSON lines) are not JSON calls: they are streamed line by line
 * with bounded lines (TextUpload) and are not limited here.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** The most a JSON call's body may hold. */
    public static final long MAX_JSON_BODY = 1024 * 1024;
    /** Bodies above this size take one of {@link #LARGE_AT_ONCE} permits while they are read and handled. */
    static final long LARGE = 64 * 1024;
    static final int LARGE_AT_ONCE = 4;

    private final Semaphore large = new Semaphore(LARGE_AT_ONCE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase().contains("json") && !type.toLowerCase().contains("ndjson")
                && !type.toLowerCase().contains("jsonl");
        if (!json) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > MAX_JSON_BODY) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "The body has " + length + " bytes; a call takes at most "
                    + MAX_JSON_BODY + " (whole files go to the file uploads).");
            return;
        }
        if (length >= 0 && length <= LARGE) {
            chain.doFilter(new Bounded(request), response);
            return;
        }
        boolean admitted;
        try {
            admitted = large.tryAcquire(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader("Retry-After", "1");
            refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "Too many large requests are being read at once; send it again in a second.");
            return;
        }
        try {
            chain.doFilter(new Bounded(request), response);
        } finally {
            large.release();
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Object requestId = request.getAttribute(RequestIds.MDC_KEY);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonMapper.shared().writeValueAsString(Problems.asMap(Problems.of(status, status.getReasonPhrase(),
                detail, requestId == null ? null : requestId.toString(), request.getRequestURI()))));
    }

    /** The request with its body cut off after {@link #MAX_JSON_BODY} bytes, whatever it announced. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > MAX_JSON_BODY) {
                            throw new IOException("the body is longer than " + MAX_JSON_BODY + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
