package org.yibao.city.calibration;

import org.yibao.city.expect.Layers;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Each published outcome of a city beside the simulated one (issue 28). Ratios are the counted funds over the bills'
 * policy-scope cost (政策范围内报销比例) or total cost (实际报销比例), in %, divided to 2 decimals HALF_UP; yuan figures
 * to 2 decimals HALF_UP; bills a person to 3 decimals HALF_UP. A percentage is within when it differs from the seed's by
 * at most its tolerance in points (3 unless the file says); any other figure when it differs by at most its tolerance as
 * a share of the seed's (0.10 unless the file says).
 */
public final class Outcomes {

    public static final BigDecimal POINTS = new BigDecimal("3");
    public static final BigDecimal SHARE = new BigDecimal("0.10");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public enum Verdict {
        /** within the tolerance */
        WITHIN,
        /** outside it, and the file explains why the model cannot honestly reach the figure */
        GAP_EXPLAINED,
        /** outside it with no explanation: the calibration is not done */
        GAP_UNEXPLAINED,
        /** the simulator does not model the outcome (explained) */
        NOT_MODELLED
    }

    /**
     * @param simulated  the simulated figure in the outcome's unit, or null (not modelled, or no bills in its scope)
     * @param difference simulated - seed, in points for a percentage, else in % of the seed's figure; null with no figure
     */
    public record Measured(CityFile.Outcome outcome, BigDecimal simulated, BigDecimal difference, Verdict verdict, String explanation) {

        /** The tolerance as the report states it ("±3 points", "±10%"). */
        public String tolerance() {
            if (outcome.unit() == CityFile.Unit.PERCENT) {
                return "±" + (outcome.tolerance() == null ? POINTS : outcome.tolerance()).stripTrailingZeros().toPlainString() + " points";
            }
            BigDecimal share = outcome.tolerance() == null ? SHARE : outcome.tolerance();
            return "±" + share.multiply(HUNDRED).stripTrailingZeros().toPlainString() + "%";
        }
    }

    private Outcomes() {
    }

    public static List<Measured> measure(CalibratedRun.Result run) {
        List<Measured> out = new ArrayList<>();
        for (CityFile.Outcome o : run.file().outcomes()) {
            out.add(measure(run, o));
        }
        return out;
    }

    static Measured measure(CalibratedRun.Result run, CityFile.Outcome o) {
        if (o.metric() == CityFile.Metric.NOT_MODELLED) {
            return new Measured(o, null, null, Verdict.NOT_MODELLED, o.gap());
        }
        BigDecimal simulated = simulated(run, o);
        if (simulated == null) {
            return new Measured(o, null, null, o.gap() == null ? Verdict.GAP_UNEXPLAINED : Verdict.GAP_EXPLAINED,
                    "no bills or persons in the outcome's scope" + (o.gap() == null ? "" : "; " + o.gap()));
        }
        boolean percent = o.unit() == CityFile.Unit.PERCENT;
        BigDecimal difference = percent ? simulated.subtract(o.seedValue())
                : o.seedValue().signum() == 0 ? null
                : simulated.subtract(o.seedValue()).multiply(HUNDRED).divide(o.seedValue(), 2, RoundingMode.HALF_UP);
        BigDecimal tolerance = percent ? (o.tolerance() == null ? POINTS : o.tolerance())
                : (o.tolerance() == null ? SHARE : o.tolerance()).multiply(HUNDRED);
        boolean within = difference != null && difference.abs().compareTo(tolerance) <= 0;
        if (within) {
            return new Measured(o, simulated, difference, Verdict.WITHIN, null);
        }
        return new Measured(o, simulated, difference, o.gap() == null ? Verdict.GAP_UNEXPLAINED : Verdict.GAP_EXPLAINED, o.gap());
    }

    /** The simulated figure of an outcome, or null when its scope holds no bill or person. */
    static BigDecimal simulated(CalibratedRun.Result run, CityFile.Outcome o) {
        CityFile.Scope scope = o.scope() == null ? CityFile.Scope.EVERYTHING : o.scope();
        List<CalibratedRun.SettledBill> bills = run.bills().stream().filter(b -> in(scope, b)).toList();
        int persons = run.enrolled(list(scope.schemes()), list(scope.categories()));
        Money funds = Money.ZERO;
        Money total = Money.ZERO;
        Money policyScope = Money.ZERO;
        int paid = 0;
        for (CalibratedRun.SettledBill b : bills) {
            Money f = funds(o.funds(), b.layers());
            funds = funds.plus(f);
            total = total.plus(b.layers().total());
            policyScope = policyScope.plus(b.layers().policyScope());
            if (f.isPositive()) {
                paid++;
            }
        }
        return switch (o.metric()) {
            case POLICY_SCOPE_RATIO -> percent(funds.amount(), policyScope.amount());
            case ACTUAL_RATIO -> percent(funds.amount(), total.amount());
            case SHARE_OF_ENROLLED -> percent(BigDecimal.valueOf(persons), BigDecimal.valueOf(run.enrolled(List.of(), List.of())));
            case FUND_PER_ENROLLEE -> divide(funds.amount(), BigDecimal.valueOf(persons), 2);
            case COST_PER_BILL -> divide(total.amount(), BigDecimal.valueOf(bills.size()), 2);
            case BILLS_PER_ENROLLEE -> divide(BigDecimal.valueOf(bills.size()), BigDecimal.valueOf(persons), 3);
            case FUND_PER_PAID_BILL -> divide(funds.amount(), BigDecimal.valueOf(paid), 2);
            case NOT_MODELLED -> null;
        };
    }

    static Money funds(List<CityFile.Fund> funds, Layers l) {
        Money sum = Money.ZERO;
        for (CityFile.Fund f : funds == null ? List.<CityFile.Fund>of() : funds) {
            sum = sum.plus(switch (f) {
                case BASIC -> l.basicFund();
                case CATASTROPHIC -> l.catastrophic();
                case SUPPLEMENTARY -> l.supplementary();
                case ASSISTANCE -> l.assistance();
            });
        }
        return sum;
    }

    private static boolean in(CityFile.Scope s, CalibratedRun.SettledBill b) {
        BigDecimal total = b.layers().total().amount();
        return (list(s.schemes()).isEmpty() || s.schemes().contains(b.scheme()))
                && (list(s.visitTypes()).isEmpty() || s.visitTypes().contains(b.visitType()))
                && (list(s.categories()).isEmpty() || (b.category() != null && s.categories().contains(b.category())))
                && (s.minTotal() == null || total.compareTo(s.minTotal()) >= 0)
                && (s.maxTotal() == null || total.compareTo(s.maxTotal()) < 0);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b, int scale) {
        return b.signum() == 0 ? null : a.divide(b, scale, RoundingMode.HALF_UP);
    }
}
