package org.yibao.casemix.list;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Settlement lists (table {@code settlement_list}); their lists of codes, fees and findings as JSON text. */
@Repository
class ListStore {

    private static final String SELECT = """
            select settlement_id, institution_code, version, admission_date, discharge_date, main_diagnosis, secondary_diagnoses,
                   procedures, fees, fee_total, ventilator_hours, newborn_weights, department, state, findings, uploaded_by, uploaded_at,
                   checked_at, submitted_at from settlement_list""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ListStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void lock(String settlementId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('settlement-list:' || ?))").param(settlementId).query().singleValue();
    }

    /** Inserts the list, or replaces the one there (a corrected list). */
    void save(SettlementList l) {
        jdbc.sql("""
                        insert into settlement_list (settlement_id, institution_code, version, admission_date, discharge_date, main_diagnosis,
                            secondary_diagnoses, procedures, fees, fee_total, ventilator_hours, newborn_weights, department, state, findings,
                            uploaded_by, uploaded_at, checked_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (settlement_id) do update set version = excluded.version, admission_date = excluded.admission_date,
                            discharge_date = excluded.discharge_date, main_diagnosis = excluded.main_diagnosis,
                            secondary_diagnoses = excluded.secondary_diagnoses, procedures = excluded.procedures, fees = excluded.fees,
                            fee_total = excluded.fee_total, ventilator_hours = excluded.ventilator_hours,
                            newborn_weights = excluded.newborn_weights, department = excluded.department, state = excluded.state,
                            findings = excluded.findings, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at,
                            checked_at = excluded.checked_at""")
                .params(l.settlementId(), l.institutionCode(), l.version(), l.admissionDate(), l.dischargeDate(), l.mainDiagnosis(),
                        json.writeValueAsString(l.secondaryDiagnoses()), json.writeValueAsString(l.procedures()),
                        json.writeValueAsString(l.fees()), l.feeTotal().amount(), l.ventilatorHours(), json.writeValueAsString(l.newbornWeights()),
                        l.department(), l.state().name(), json.writeValueAsString(l.findings()), l.uploadedBy(), Timestamp.from(l.uploadedAt()),
                        l.checkedAt() == null ? null : Timestamp.from(l.checkedAt()))
                .update();
    }

    void delete(String settlementId) {
        jdbc.sql("delete from settlement_list where settlement_id = ?").param(settlementId).update();
    }

    /** Records its submission: false when it was not PASSED or was submitted already. */
    boolean submit(String settlementId, String by, Instant at) {
        return jdbc.sql("""
                        update settlement_list set submitted_at = ?, submitted_by = ?
                        where settlement_id = ? and state = 'PASSED' and submitted_at is null""")
                .params(Timestamp.from(at), by, settlementId).update() == 1;
    }

    Optional<SettlementList> find(String settlementId) {
        return jdbc.sql(SELECT + " where settlement_id = ?").param(settlementId).query(this::list).optional();
    }

    /** An institution's lists discharged in a period, with their states: the data-quality report's input. */
    List<Object[]> quality(String regionLike, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select l.institution_code, count(*), count(*) filter (where l.state = 'PASSED'),
                               count(*) filter (where l.state = 'INCOMPLETE'), count(*) filter (where l.state = 'UNCHECKED')
                        from settlement_list l join institution i on i.institution_code = l.institution_code
                        where i.region_code like ? and l.discharge_date between ? and ?
                        group by l.institution_code order by l.institution_code""")
                .params(regionLike, from, to)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .list();
    }

    /** The passed lists of a region discharged in a period, with their patients' sex and age and their stays' totals. */
    List<ListService.GroupableStay> groupableHistory(String regionLike, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select l.settlement_id, l.main_diagnosis, l.secondary_diagnoses, l.procedures, l.admission_date, c.sex, c.birth_date,
                               c.total, l.ventilator_hours
                        from settlement_list l join inpatient_case c on c.settlement_id = l.settlement_id and c.institution_code = l.institution_code
                        join institution i on i.institution_code = l.institution_code
                        where i.region_code like ? and l.discharge_date between ? and ? and l.state = 'PASSED' and not c.reversed
                        order by l.settlement_id""")
                .params(regionLike, from, to)
                .query((rs, n) -> {
                    List<SettlementList.Procedure> procedures = procedures(rs.getString(4));
                    return new ListService.GroupableStay(rs.getString(1), rs.getString(2),
                            json.readValue(rs.getString(3), new TypeReference<List<String>>() { }),
                            procedures.stream().filter(SettlementList.Procedure::main).map(SettlementList.Procedure::code).findFirst()
                                    .orElse(null),
                            procedures.stream().map(SettlementList.Procedure::code).toList(), rs.getInt(9), rs.getString(6).charAt(0),
                            java.time.Period.between(rs.getObject(7, LocalDate.class), rs.getObject(5, LocalDate.class)).getYears(),
                            rs.getBigDecimal(8));
                })
                .list();
    }

    private List<SettlementList.Procedure> procedures(String text) {
        return json.readValue(text, new TypeReference<List<SettlementList.Procedure>>() { });
    }

    private SettlementList list(ResultSet rs, int n) throws SQLException {
        Timestamp checked = rs.getTimestamp(18);
        return new SettlementList(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getString(6), json.readValue(rs.getString(7), new TypeReference<List<String>>() { }),
                procedures(rs.getString(8)), json.readValue(rs.getString(9), new TypeReference<List<SettlementList.Fee>>() { }),
                Money.of(rs.getBigDecimal(10)), rs.getInt(11), json.readValue(rs.getString(12), new TypeReference<List<Integer>>() { }),
                rs.getString(13), SettlementList.QcState.valueOf(rs.getString(14)),
                json.readValue(rs.getString(15), new TypeReference<List<SettlementList.Finding>>() { }), rs.getString(16),
                rs.getTimestamp(17).toInstant(), checked == null ? null : checked.toInstant(),
                rs.getTimestamp(19) == null ? null : rs.getTimestamp(19).toInstant());
    }
}
