package org.yibao.archfixture.bad.orders;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.archfixture.bad.billing.Invoices;
import org.yibao.testsupport.client.ServiceClient;

import java.util.Map;

/** Breaks every rule of the one shape on purpose (ServiceArchitectureRulesTest). */
@RestController
class OrdersController {

    private final JdbcTemplate jdbc;          // SQL outside a store
    private final OrdersStore store;          // a controller calling a store
    private final Invoices invoices;          // one side of a cycle between feature packages
    private final ServiceClient otherService; // code that is neither this service's nor the platform's

    OrdersController(JdbcTemplate jdbc, OrdersStore store, Invoices invoices, ServiceClient otherService) {
        this.jdbc = jdbc;
        this.store = store;
        this.invoices = invoices;
        this.otherService = otherService;
    }

    Map<String, Object> order(String id) {    // a Map row through the API
        return jdbc.queryForMap("select * from orders where id = ?", id);
    }
}
