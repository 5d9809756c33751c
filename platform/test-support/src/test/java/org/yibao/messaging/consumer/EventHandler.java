package org.yibao.messaging.consumer;

/**
 * A stand-in with the name of the messaging library's handler type, for the architecture rules'
 * fixtures only (test-support cannot depend on messaging, which depends on it).
 */
public interface EventHandler<E> {
    void handle(E event);
}
