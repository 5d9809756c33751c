package org.yibao.web.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.yibao.contracts.identity.IdMasking;

/**
 * Logback's message conversion with every resident-id-shaped number masked. Configured in
 * {@code logback-spring.xml} in place of {@code %m}, so no log line of any service can carry a
 * full id, whoever wrote the log statement.
 */
public class MaskedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return IdMasking.maskAll(event.getFormattedMessage());
    }
}
