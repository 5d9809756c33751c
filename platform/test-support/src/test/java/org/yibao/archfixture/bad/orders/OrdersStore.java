package org.yibao.archfixture.bad.orders;

public class OrdersStore {
    public int count() {
        return 0;
    }
}
