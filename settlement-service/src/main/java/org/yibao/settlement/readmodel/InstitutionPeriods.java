package org.yibao.settlement.readmodel;

import org.springframework.stereotype.Component;
import org.yibao.settlement.ReferenceCacheProperties;
import org.yibao.web.cache.ReferenceCache;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The designated institutions' facts over time (the {@code institution_period} read model) as a
 * settlement reads them: every period of an institution kept in memory for a few seconds
 * ({@code yibao.settlement.reference-cache.ttl}), so that a pre-settlement and its settlement, and the
 * hospital's next bills, do not read it again (issue 26). Each InstitutionStatusChanged applied by this
 * instance drops the institution's periods at once and when its transaction ends; another instance serves
 * what it holds until it expires (see {@link ReferenceCache}).
 */
@Component
public class InstitutionPeriods {

    /** Institutions kept at most: a province has tens of thousands of designated institutions and pharmacies. */
    static final long MAXIMUM_INSTITUTIONS = 100_000;

    private final ReadModelStore store;
    private final ReferenceCache<String, List<ReadModelStore.InstitutionPeriod>> periods;

    InstitutionPeriods(ReadModelStore store, ReferenceCacheProperties properties) {
        this.store = store;
        this.periods = new ReferenceCache<>(properties.ttl(), MAXIMUM_INSTITUTIONS);
    }

    /** The institution as it was on a date; empty before its agreement first took effect (not designated then). */
    public Optional<Institution> on(String code, LocalDate date) {
        ReadModelStore.InstitutionPeriod latest = null;
        for (ReadModelStore.InstitutionPeriod p : periodsOf(code)) {
            if (!p.validFrom().isAfter(date) && (latest == null || p.validFrom().isAfter(latest.validFrom()))) {
                latest = p;
            }
        }
        return Optional.ofNullable(latest).map(ReadModelStore.InstitutionPeriod::institution);
    }

    /** Whether the institution was ever announced (to tell "not designated on that date" from "unknown"). */
    public boolean known(String code) {
        return !periodsOf(code).isEmpty();
    }

    /** The institution's periods; one never announced is not kept (it is read again until it is). */
    private List<ReadModelStore.InstitutionPeriod> periodsOf(String code) {
        List<ReadModelStore.InstitutionPeriod> found = periods.get(code, c -> {
            List<ReadModelStore.InstitutionPeriod> read = store.institutionPeriods(c);
            return read.isEmpty() ? null : read;
        });
        return found == null ? List.of() : found;
    }

    /** The institution's facts are being changed in the current transaction. */
    void changing(String code) {
        periods.changed(code);
    }
}
