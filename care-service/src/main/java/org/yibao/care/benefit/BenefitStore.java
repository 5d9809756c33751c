package org.yibao.care.benefit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The benefits (tables {@code care_benefit}, {@code care_benefit_level}). */
@Repository
class BenefitStore {

    private final JdbcClient jdbc;

    BenefitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Benefit b, UUID applicationId) {
        jdbc.sql("""
                        insert into care_benefit (benefit_id, person_id, region_code, setting, institution_code, valid_from, valid_to,
                            reassess_on, application_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.benefitId(), b.personId(), b.regionCode(), b.setting().name(), b.institutionCode(), b.validFrom(),
                        b.validTo(), b.reassessOn(), applicationId)
                .update();
        for (LevelFrom level : b.levels()) {
            putLevel(b.benefitId(), level, applicationId);
        }
    }

    /** The level from a date; a level already given from the same date is replaced. */
    void putLevel(UUID benefitId, LevelFrom level, UUID applicationId) {
        jdbc.sql("""
                        insert into care_benefit_level (benefit_id, level_from, level, application_id) values (?, ?, ?, ?)
                        on conflict (benefit_id, level_from) do update set level = excluded.level, application_id = excluded.application_id""")
                .params(benefitId, level.from(), level.level().name(), applicationId)
                .update();
    }

    /** A reassessment renews the validity and the reassessment date. */
    void renew(UUID benefitId, LocalDate validTo, LocalDate reassessOn) {
        jdbc.sql("update care_benefit set valid_to = ?, reassess_on = ? where benefit_id = ?")
                .params(validTo, reassessOn, benefitId).update();
    }

    void end(UUID benefitId, LocalDate endedOn, String reason) {
        jdbc.sql("update care_benefit set ended_on = ?, end_reason = ? where benefit_id = ?")
                .params(endedOn, reason, benefitId).update();
    }

    /** The person's benefits still covering {@code day} or a later day, locked for the transaction, latest first. */
    List<Benefit> lockRunningFrom(String personId, LocalDate day) {
        return runningFrom(personId, day, " for update");
    }

    /** The person's benefits still covering {@code day} or a later day, latest first. */
    List<Benefit> runningFrom(String personId, LocalDate day) {
        return runningFrom(personId, day, "");
    }

    private List<Benefit> runningFrom(String personId, LocalDate day, String lock) {
        List<UUID> ids = jdbc.sql("""
                        select benefit_id from care_benefit where person_id = ? and valid_to >= ?
                            and (ended_on is null or ended_on >= ?) order by valid_from desc""" + lock)
                .params(personId, day, day).query(UUID.class).list();
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    Optional<Benefit> find(UUID benefitId) {
        return jdbc.sql(SELECT + " where benefit_id = ?").param(benefitId).query(BenefitStore::readRow).optional()
                .map(row -> row.with(levels(benefitId)));
    }

    /** The person's latest benefit, if any. */
    Optional<Benefit> latestOf(String personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by valid_from desc limit 1").param(personId)
                .query(BenefitStore::readRow).optional().map(row -> row.with(levels(row.benefitId())));
    }

    /** The person's benefits in a setting that cover some day from {@code first} to {@code last}. */
    List<Benefit> ofPersonOverlapping(String personId, CareSetting setting, LocalDate first, LocalDate last) {
        return withLevels(jdbc.sql(SELECT + " " + """
                         where person_id = ? and setting = ? and valid_from <= ? and valid_to >= ?
                            and (ended_on is null or ended_on >= ?) order by valid_from""")
                .params(personId, setting.name(), last, first, first).query(BenefitStore::readRow).list());
    }

    /** Every benefit in a setting covering some day from {@code first} to {@code last}, by person. */
    List<Benefit> overlapping(CareSetting setting, LocalDate first, LocalDate last) {
        return withLevels(jdbc.sql(SELECT + " " + """
                         where setting = ? and valid_from <= ? and valid_to >= ? and (ended_on is null or ended_on >= ?)
                         order by person_id, valid_from""")
                .params(setting.name(), last, first, first).query(BenefitStore::readRow).list());
    }

    private List<Benefit> withLevels(List<BenefitRow> rows) {
        List<Benefit> benefits = new ArrayList<>();
        for (BenefitRow row : rows) {
            benefits.add(row.with(levels(row.benefitId())));
        }
        return benefits;
    }

    private List<LevelFrom> levels(UUID benefitId) {
        return jdbc.sql("select level_from, level from care_benefit_level where benefit_id = ? order by level_from")
                .param(benefitId)
                .query((rs, n) -> new LevelFrom(rs.getObject(1, LocalDate.class), CareLevel.valueOf(rs.getString(2)))).list();
    }

    private static final String SELECT = """
            select benefit_id, person_id, region_code, setting, institution_code, valid_from, valid_to, reassess_on,
                   ended_on, end_reason from care_benefit""";

    private record BenefitRow(UUID benefitId, String personId, String regionCode, CareSetting setting, String institutionCode,
                              LocalDate validFrom, LocalDate validTo, LocalDate reassessOn, LocalDate endedOn, String endReason) {

        Benefit with(List<LevelFrom> levels) {
            return new Benefit(benefitId, personId, regionCode, setting, institutionCode, validFrom, validTo, reassessOn, endedOn,
                    endReason, levels);
        }
    }

    private static BenefitRow readRow(ResultSet rs, int n) throws SQLException {
        return new BenefitRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), CareSetting.valueOf(rs.getString(4)),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10));
    }
}
