package org.yibao.archfixture.good;

import org.yibao.messaging.consumer.EventHandler;

/** Every event the fixture service consumes. */
class ConsumedEvents {
    EventHandler<String> orderPlaced() {
        return event -> { };
    }
}
