package org.yibao.archfixture.good.orders;

import org.springframework.web.bind.annotation.RestController;

/** The one shape: controller (typed records) -> service -> store. */
@RestController
class OrdersController {

    record OrderView(String id, long totalFen) {
    }

    private final OrderService orders;

    OrdersController(OrderService orders) {
        this.orders = orders;
    }

    OrderView order(String id) {
        return orders.find(id);
    }
}
