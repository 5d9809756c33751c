package org.yibao.gateway.web;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.yibao.gateway.security.ExchangeAttributes;
import org.yibao.security.CallerIdentity;

/**
 * Tags the gateway's {@code http.server.requests} with the calling client: the verified caller's client id, or
 * {@code none} before a token was verified (a 401, the token endpoint). Operators see 4xx and 5xx by client (the
 * Grafana dashboard); client ids are the registry's, so the tag's values are bounded.
 */
@Component
public class ClientTagging extends DefaultServerRequestObservationConvention {

    static final String TAG = "client";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object caller = context.getAttributes().get(ExchangeAttributes.CALLER);
        String client = caller instanceof CallerIdentity identity ? identity.clientId() : "none";
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(TAG, client));
    }
}
