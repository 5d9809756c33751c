package org.yibao.archfixture.bad.orders;

import org.yibao.messaging.consumer.EventHandler;

/** A handler outside ConsumedEvents. */
class OrderPlacedHandler implements EventHandler<String> {
    @Override
    public void handle(String event) {
    }
}
