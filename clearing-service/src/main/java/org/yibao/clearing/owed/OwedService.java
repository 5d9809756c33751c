package org.yibao.clearing.owed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads of the owed ledger and the closing of an institution's month. */
@Service
public class OwedService {

    private final OwedStore store;

    OwedService(OwedStore store) {
        this.store = store;
    }

    /**
     * What the funds owe an institution for a period, every fund listed (zero when none).
     *
     * @throws org.yibao.web.problem.ForbiddenException (403) when the caller is another institution
     */
    @Transactional(readOnly = true)
    public InstitutionOwed owed(String institutionCode, YearMonth period, CallerIdentity caller) {
        caller.requireOwnInstitution(institutionCode, "code");
        return owedOf(institutionCode, period);
    }

    /** The period's owed per fund, for the payment calculation (no caller check: callers check theirs). */
    @Transactional(readOnly = true)
    public InstitutionOwed owedOf(String institutionCode, YearMonth period) {
        Map<Fund, FundOwed> byFund = new EnumMap<>(Fund.class);
        store.owed(institutionCode, period).forEach(f -> byFund.put(f.fund(), f));
        List<FundOwed> funds = new ArrayList<>();
        Money total = Money.ZERO;
        for (Fund fund : Arrays.asList(Fund.values())) {
            FundOwed f = byFund.getOrDefault(fund, new FundOwed(fund, Money.ZERO, Money.ZERO, Money.ZERO, 0, 0, 0));
            funds.add(f);
            total = total.plus(f.owed());
        }
        return new InstitutionOwed(institutionCode, period.toString(), store.isClosed(institutionCode, period), funds, total);
    }

    /**
     * Per institution whose own region lies in {@code regionCode}, what a fund owed it over the periods of a year (claims
     * less reversals), yuan: the history a budget is allocated by.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, Money> owedInYear(String regionCode, Fund fund, int year) {
        return store.owedInYear(org.yibao.contracts.region.Regions.likePattern(regionCode), fund, year);
    }

    /**
     * The institution's own region (its clearing rules), from supervision's InstitutionStatusChanged, if it was
     * announced; never a claim's regionCode (the patient's enrollment region).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> regionOf(String institutionCode) {
        return store.regionOf(institutionCode);
    }

    /** The earliest month before {@code period} with the institution's entries that is still open, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<YearMonth> openPeriodBefore(String institutionCode, YearMonth period) {
        return store.openPeriodBefore(institutionCode, period);
    }

    /** Whether the month is closed for the institution: it or a later month's order was approved. */
    @Transactional(readOnly = true)
    public boolean isClosed(String institutionCode, YearMonth period) {
        return store.isClosed(institutionCode, period);
    }

    /** The basic pooling fund (its scheme's) the institution's claim was counted on, if it was counted with a basic share. */
    @Transactional(readOnly = true)
    public java.util.Optional<Fund> basicFundOf(String institutionCode, String settlementId) {
        return settlementId == null ? java.util.Optional.empty() : store.basicFundOf(institutionCode, settlementId);
    }

    /** Whether the institution's claim was reversed in full (its reversal counted). */
    @Transactional(readOnly = true)
    public boolean isReversed(String institutionCode, String settlementId) {
        return store.isReversed(institutionCode, settlementId);
    }

    /** Takes the institution's lock for the caller's transaction: no entry is counted concurrently. */
    @Transactional
    public void lock(String institutionCode) {
        store.lockInstitution(institutionCode);
    }

    /**
     * Closes an institution's month inside the caller's transaction (under the institution's lock, so no
     * claim is counted in it concurrently); false when it was closed already.
     */
    @Transactional
    public boolean close(String institutionCode, YearMonth period, Instant at) {
        store.lockInstitution(institutionCode);
        return store.close(institutionCode, period, at);
    }
}
