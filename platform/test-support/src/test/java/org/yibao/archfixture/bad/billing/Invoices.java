package org.yibao.archfixture.bad.billing;

import org.yibao.archfixture.bad.orders.OrdersStore;

/** The other side of the cycle. */
public class Invoices {
    public int open(OrdersStore orders) {
        return orders.count();
    }
}
