package org.yibao.web.logging;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.yibao.contracts.identity.IdMasking;

/** Stack traces with resident ids masked: exception messages often quote the input. */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(ch.qos.logback.classic.spi.IThrowableProxy tp) {
        return IdMasking.maskAll(super.throwableProxyToString(tp));
    }
}
