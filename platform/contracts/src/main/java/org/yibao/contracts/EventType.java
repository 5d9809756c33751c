package org.yibao.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an integration event on the wire: its type, its schema version and the topic it travels on.
 * The JSON Schema for it lives at {@code /schemas/<name>.v<version>.schema.json}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String name();

    int version();

    String topic();
}
