package org.yibao.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address as the gateway saw it. The identity service listens on the inside only (loopback, the
 * platform's network), behind the gateway, which sets {@value #HEADER} on its identity route to the address its
 * caller connected from, replacing whatever the caller sent. Without the header (a call from the inside), the
 * connection's own address.
 */
final class ClientAddress {

    /** Set by the gateway's identity route (org.yibao.gateway.routing.ServiceRoutes). */
    static final String HEADER = "X-Yibao-Client-Address";

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String forwarded = request.getHeader(HEADER);
        return forwarded != null && !forwarded.isBlank() && forwarded.length() <= 64 ? forwarded.trim() : request.getRemoteAddr();
    }
}
