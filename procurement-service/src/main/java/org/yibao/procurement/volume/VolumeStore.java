package org.yibao.procurement.volume;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** Agreed volumes (table agreed_volume) and reported purchases (table purchase). */
@Repository
class VolumeStore {

    private final JdbcClient jdbc;

    VolumeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the year's agreed volumes of these institutions and products, replacing a volume set before. */
    void saveAgreedVolumes(int year, List<AgreedVolume> volumes) {
        for (AgreedVolume v : volumes) {
            jdbc.sql("""
                            insert into agreed_volume (year, institution, item_code, volume) values (?, ?, ?, ?)
                            on conflict (year, institution, item_code) do update set volume = excluded.volume""")
                    .params(year, v.institution(), v.itemCode(), v.volume()).update();
        }
    }

    /** Records a report's purchases, each in the year it was made. */
    void savePurchases(UUID reportId, List<Purchase> purchases) {
        for (Purchase p : purchases) {
            jdbc.sql("""
                            insert into purchase (report_id, line, year, institution, item_code, quantity, purchased_on)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(reportId, p.line(), p.purchasedOn().getYear(), p.institution(), p.itemCode(), p.quantity(),
                            p.purchasedOn()).update();
        }
    }
}
