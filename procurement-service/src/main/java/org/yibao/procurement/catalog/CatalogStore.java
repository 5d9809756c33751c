package org.yibao.procurement.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.VbpCatalogPublished;

/** The versions of the recommended catalogs: table recommended_catalog. */
@Repository
class CatalogStore {

    private final JdbcClient jdbc;

    CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version the next publication of this catalog gets: one more than the latest, 1 for the first. */
    int nextVersion(String catalogCode) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from recommended_catalog where catalog_code = ?")
                .param(catalogCode).query(Integer.class).single();
    }

    /** Records a version, its items as a comma-separated list; a version already there throws DuplicateKeyException. */
    void insert(VbpCatalogPublished c) {
        jdbc.sql("""
                        insert into recommended_catalog (catalog_code, version, name, region_code, effective_from, items)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(c.catalogCode(), c.version(), c.name(), c.regionCode(), c.effectiveFrom(),
                        String.join(",", c.items().stream().map(VbpCatalogPublished.Item::itemCode).toList()))
                .update();
    }
}
