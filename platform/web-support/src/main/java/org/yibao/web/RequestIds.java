package org.yibao.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id that follows a call from the gateway through services and into events. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** MDC key; the messaging library copies it into the envelopes of events the request causes. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id when it is a sane token, otherwise a new one (never echo arbitrary input into logs). */
    public static String acceptOrCreate(String fromCaller) {
        if (fromCaller != null && ACCEPTABLE.matcher(fromCaller).matches()) {
            return fromCaller;
        }
        return UUID.randomUUID().toString();
    }
}
