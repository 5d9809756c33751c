package org.yibao.clearing.budget;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.owed.OwedService;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.RefusedException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sets and reads the budgets (总额预算): a new version replaces the one in force, the old ones are kept. */
@Service
public class BudgetService {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final BudgetStore store;
    private final OwedService owed;
    private final Clock clock;

    BudgetService(BudgetStore store, OwedService owed, Clock clock) {
        this.store = store;
        this.owed = owed;
        this.clock = clock;
    }

    /**
     * Sets a new version, under the institution's lock (an order or a year-end statement approved meanwhile sees the
     * budget it was prepared on or is superseded).
     *
     * @throws ConflictException (409) naming {@code year} once the institution's year-end clearing of the year was approved
     * @throws RefusedException  (422) naming {@code institutionCode} when supervision never announced the institution
     */
    @Transactional
    public Budget set(String institutionCode, int year, Scheme scheme, Money annualAllocation, CallerIdentity caller) {
        owed.lock(institutionCode);
        if (owed.regionOf(institutionCode).isEmpty()) {
            throw new RefusedException("institutionCode: institution " + institutionCode + " is unknown to clearing (no"
                    + " InstitutionStatusChanged from supervision)");
        }
        if (store.yearCleared(institutionCode, year)) {
            throw new ConflictException("year: the year-end clearing of " + year + " for institution " + institutionCode
                    + " was approved; its budget stays as it was");
        }
        store.lock(institutionCode, year, scheme);
        Budget budget = new Budget(institutionCode, year, scheme, store.latestVersion(institutionCode, year, scheme) + 1,
                annualAllocation, caller.clientId(), clock.instant());
        store.insert(budget);
        return budget;
    }

    /**
     * The year's budget of a scheme allocated to the region's institutions by their basis year's history: each a new
     * version of its budget, in one transaction.
     *
     * @param history per institution of the region, what the scheme's basic pooling fund owed it in the basis year, yuan
     * @throws RefusedException (422) naming {@code basisYear} when no institution of the region was owed anything then
     */
    @Transactional
    public List<Allocated> allocate(int year, Scheme scheme, Money budget, int basisYear, Map<String, Money> history, CallerIdentity caller) {
        List<BudgetAllocation.Part> parts = BudgetAllocation.byHistory(budget, history);
        if (parts.isEmpty()) {
            throw new RefusedException("basisYear: no institution of the region was owed anything by the " + scheme
                    + " basic pooling fund in " + basisYear + "; allocate by entered figures instead");
        }
        List<Allocated> out = new ArrayList<>();
        for (BudgetAllocation.Part p : parts) {
            out.add(new Allocated(p, set(p.institutionCode(), year, scheme, p.allocation(), caller)));
        }
        return out;
    }

    /** An institution's part of an allocation and the budget version it became. */
    public record Allocated(BudgetAllocation.Part part, Budget budget) {
    }

    /**
     * The use of the budgets in force of a region's institutions in the year: each against what its scheme's basic
     * pooling fund owes it in the year's clearing periods (the figure the year-end clearing measures), and the part of
     * the year gone (Beijing calendar days, counting today).
     *
     * @param regionCode 6 digits; a city's code covers its districts and counties
     */
    @Transactional(readOnly = true)
    public BudgetUse use(String regionCode, int year) {
        String like = org.yibao.contracts.region.Regions.likePattern(regionCode);
        List<Budget> budgets = store.inForceInRegion(like, year);
        Map<String, Money> employee = owed.owedInYear(regionCode, Fund.EMPLOYEE_POOLING, year);
        Map<String, Money> resident = owed.owedInYear(regionCode, Fund.RESIDENT_POOLING, year);
        List<BudgetUse.InstitutionUse> out = new ArrayList<>();
        for (Budget b : budgets) {
            Money owedToDate = (b.scheme() == Scheme.EMPLOYEE ? employee : resident).getOrDefault(b.institutionCode(), Money.ZERO);
            out.add(new BudgetUse.InstitutionUse(b.institutionCode(), b.scheme(), b.version(), b.annualAllocation(), owedToDate,
                    percent(owedToDate.amount(), b.annualAllocation().amount())));
        }
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        return new BudgetUse(year, regionCode, today, elapsed(today, year), out);
    }

    /** The part of the year gone by {@code today}, counting it, in calendar days: 0.00 to 100.00. */
    static BigDecimal elapsed(LocalDate today, int year) {
        if (today.getYear() < year) {
            return new BigDecimal("0.00");
        }
        if (today.getYear() > year) {
            return new BigDecimal("100.00");
        }
        return percent(BigDecimal.valueOf(today.getDayOfYear()), BigDecimal.valueOf(today.lengthOfYear()));
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** The version in force of an institution's year and scheme, if a budget was set. */
    @Transactional(readOnly = true)
    public Optional<Budget> inForce(String institutionCode, int year, Scheme scheme) {
        return store.inForce(institutionCode, year, scheme);
    }
}
