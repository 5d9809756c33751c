package org.yibao.settlement.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Family mutual-aid bindings (table {@code family_binding}). */
@Repository
class FamilyBindingStore {

    private final JdbcClient jdbc;

    FamilyBindingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a binding; false (nothing changed) when the pair already has one that has not ended. */
    boolean insert(FamilyBinding b) {
        return jdbc.sql("""
                        insert into family_binding (binding_id, holder_id, member_id, relationship, valid_from, registered_by,
                            registered_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(b.bindingId(), b.holderId(), b.memberId(), b.relationship().name(), b.validFrom(), b.registeredBy(),
                        Timestamp.from(b.registeredAt()))
                .update() == 1;
    }

    Optional<FamilyBinding> lock(UUID bindingId) {
        return jdbc.sql(SELECT + " where binding_id = ? for update").param(bindingId).query(FamilyBindingStore::read).optional();
    }

    Optional<FamilyBinding> find(UUID bindingId) {
        return jdbc.sql(SELECT + " where binding_id = ?").param(bindingId).query(FamilyBindingStore::read).optional();
    }

    void end(UUID bindingId, LocalDate lastDay, String by, String reason) {
        jdbc.sql("update family_binding set ended_on = ?, ended_by = ?, end_reason = ? where binding_id = ?")
                .params(lastDay, by, reason, bindingId).update();
    }

    List<FamilyBinding> ofHolder(String holderId) {
        return jdbc.sql(SELECT + " where holder_id = ? order by registered_at, binding_id").param(holderId)
                .query(FamilyBindingStore::read).list();
    }

    /** The bindings that make the member's bills payable from a holder's account on a day. */
    /** The member's bindings in force on a day, the earliest first (from its first day, then its registration). */
    List<FamilyBinding> ofMemberOn(String memberId, LocalDate day) {
        return jdbc.sql(SELECT + " where member_id = ? and valid_from <= ? and (ended_on is null or ended_on >= ?)"
                        + " order by valid_from, registered_at, holder_id")
                .params(memberId, day, day).query(FamilyBindingStore::read).list();
    }

    private static final String SELECT = """
            select binding_id, holder_id, member_id, relationship, valid_from, ended_on, registered_by, ended_by, end_reason,
                   registered_at
            from family_binding""";

    private static FamilyBinding read(ResultSet rs, int n) throws SQLException {
        return new FamilyBinding(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                FamilyRelationship.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant());
    }
}
