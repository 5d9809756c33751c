package org.yibao.archfixture.good.orders;

class OrderService {

    private final OrderStore store;

    OrderService(OrderStore store) {
        this.store = store;
    }

    OrdersController.OrderView find(String id) {
        return new OrdersController.OrderView(id, store.totalFen(id));
    }
}
