package org.yibao.settlement.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The reimbursement catalog (医保目录) as stored: its SQL. */
@Repository
public class CatalogStore {

    private final JdbcClient jdbc;

    public CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The catalog entries for these codes; codes the catalog does not know are simply absent. */
    public Map<String, CatalogItem> find(Collection<String> codes) {
        Map<String, CatalogItem> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.sql("select code, name, category, item_class, price_ceiling, vbp from catalog_item where code = any(?)")
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> {
                    BigDecimal ceiling = rs.getBigDecimal(5);
                    return new CatalogItem(rs.getString(1), rs.getString(2), ItemCategory.valueOf(rs.getString(3)),
                            ItemClass.valueOf(rs.getString(4)), Optional.ofNullable(ceiling).map(Money::of), rs.getBoolean(6));
                })
                .list()
                .forEach(item -> found.put(item.code(), item));
        return found;
    }
}
