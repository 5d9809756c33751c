package org.yibao.city.calibration;

import org.yibao.city.expect.Layers;
import org.yibao.city.model.CareProfile;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A calibrated run's report (issue 28), as Markdown and CSV: each published outcome beside the simulated one, the
 * difference and the verdict; what each ratio counts and why; the knobs set away from the default city and why; and
 * where the year's cost goes (by scheme, visit type and level: deductible, class 乙 prior self-pay, full self-pay, cap
 * hits), which is what decides a ratio.
 */
public final class CalibrationReport {

    public static final String CSV_HEADER = "city,outcome,label,unit,seed,simulated,difference,tolerance,verdict,funds,explanation";

    private CalibrationReport() {
    }

    public static String markdown(CalibratedRun.Result run, List<Outcomes.Measured> measured) {
        CityFile f = run.file();
        StringBuilder md = new StringBuilder();
        md.append("## ").append(f.name()).append(" ").append(f.year()).append(" (").append(f.city()).append(")\n\n");
        md.append("Seed: `").append(f.seedFile()).append("`. Packs: ")
                .append(String.join(", ", f.packs().stream().map(p -> p.id() + (p.isProposed() ? " (PROPOSED)" : "")).toList()))
                .append(". Persons generated: ").append(run.persons()).append(" (seed ").append(run.seed()).append("), enrolled ")
                .append(run.enrolled(List.of(), List.of())).append(", bills settled ").append(run.bills().size());
        if (run.profile().equals(CareProfile.DEFAULT)) {
            md.append(", **the default city's care profile** (not the file's)");
        }
        md.append(".\n\n");
        if (!run.notSettled().isEmpty()) {
            md.append("Bills not settled: ");
            md.append(String.join("; ", run.notSettled().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
            md.append(".\n\n");
        }
        for (String note : run.packNotes()) {
            md.append("- ").append(note).append("\n");
        }
        if (!run.packNotes().isEmpty()) {
            md.append("\n");
        }
        md.append("| outcome | seed | simulated | difference | verdict |\n|---|---:|---:|---:|---|\n");
        for (Outcomes.Measured m : measured) {
            CityFile.Outcome o = m.outcome();
            md.append("| ").append(o.label()).append(" (`").append(o.id()).append("`) | ").append(figure(o.seedValue(), o.unit()))
                    .append(" | ").append(m.simulated() == null ? "—" : figure(m.simulated(), o.unit())).append(" | ")
                    .append(difference(m)).append(" | ").append(verdict(m)).append(" |\n");
        }
        md.append("\nWhat each outcome counts (the seed's words):\n\n");
        for (Outcomes.Measured m : measured) {
            CityFile.Outcome o = m.outcome();
            md.append("- `").append(o.id()).append("`: ").append(o.metric());
            if (o.funds() != null && !o.funds().isEmpty()) {
                md.append(" of ").append(String.join(" + ", o.funds().stream().map(Enum::name).toList()));
            }
            md.append(scope(o.scope())).append(". Seed: 「").append(o.quote()).append("」");
            if (o.fundsWhy() != null) {
                md.append(" ").append(o.fundsWhy());
            }
            if (m.explanation() != null && m.verdict() != Outcomes.Verdict.WITHIN) {
                md.append(" **Gap:** ").append(m.explanation());
            }
            md.append("\n");
        }
        Map<String, Object> knobs = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        CityFiles.leaves("population", run.profile().population(), knobs);
        CityFiles.leaves("care", run.profile().care(), knobs);
        CityFiles.leaves("population", CareProfile.DEFAULT.population(), defaults);
        CityFiles.leaves("care", CareProfile.DEFAULT.care(), defaults);
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        knobs.forEach((k, v) -> {
            Object d = defaults.get(k);
            boolean same = v instanceof BigDecimal x && d instanceof BigDecimal y ? x.compareTo(y) == 0 : java.util.Objects.equals(v, d);
            if (!same) {
                String reason = CityFiles.reasonFor(f.why(), k);
                byReason.computeIfAbsent(reason == null ? "(no reason given)" : reason, r -> new java.util.ArrayList<>())
                        .add("`" + k + "` " + plain(v) + " (default " + plain(d) + ")");
            }
        });
        if (!byReason.isEmpty()) {
            md.append("\nKnobs set away from the default city, and why:\n\n");
            byReason.forEach((reason, list) -> md.append("- ").append(String.join(", ", list)).append(": ").append(reason).append("\n"));
        }
        md.append("\nWhere the cost goes (all settled bills; % of the row's total cost unless said):\n\n");
        md.append(breakdown(run));
        return md.toString();
    }

    /** Cost by scheme, visit type and level: what a ratio is made of. */
    static String breakdown(CalibratedRun.Result run) {
        Map<String, Money[]> rows = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        Money all = Money.ZERO;
        for (CalibratedRun.SettledBill b : run.bills()) {
            for (String key : List.of(b.scheme() + " | " + b.visitType() + " | " + b.level(), b.scheme() + " | " + b.visitType() + " | all",
                    b.scheme() + " | all | all")) {
                Money[] r = rows.computeIfAbsent(key, k -> zeros());
                Layers l = b.layers();
                Money[] add = {l.total(), l.fullSelfPay(), l.priorSelfPay(), l.policyScope(), l.deductible(), l.basicFund(),
                        l.catastrophic().plus(l.supplementary()), l.assistance()};
                for (int i = 0; i < r.length; i++) {
                    r[i] = r[i].plus(add[i]);
                }
                int[] c = counts.computeIfAbsent(key, k -> new int[2]);
                c[0]++;
                c[1] += b.capHit() ? 1 : 0;
            }
            all = all.plus(b.layers().total());
        }
        StringBuilder md = new StringBuilder("| scheme | visit type | level | bills | cost/bill (yuan) | share of the scheme's cost | full self-pay"
                + " | class 乙 prior self-pay | deductible / policy scope | basic / policy scope | catastrophic+supplementary / policy scope"
                + " | assistance / policy scope | cap hits |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Money> schemeTotals = new TreeMap<>();
        rows.forEach((k, r) -> {
            if (k.endsWith("| all | all")) {
                schemeTotals.put(k.substring(0, k.indexOf(" |")), r[0]);
            }
        });
        rows.forEach((k, r) -> {
            int[] c = counts.get(k);
            String[] parts = k.split(" \\| ");
            md.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ").append(parts[2]).append(" | ").append(c[0])
                    .append(" | ").append(r[0].amount().divide(BigDecimal.valueOf(c[0]), 2, java.math.RoundingMode.HALF_UP).toPlainString())
                    .append(" | ").append(pct(r[0], schemeTotals.get(parts[0]))).append(" | ").append(pct(r[1], r[0])).append(" | ")
                    .append(pct(r[2], r[0])).append(" | ").append(pct(r[4], r[3])).append(" | ").append(pct(r[5], r[3])).append(" | ")
                    .append(pct(r[6], r[3])).append(" | ").append(pct(r[7], r[3])).append(" | ").append(c[1]).append(" |\n");
        });
        return md.toString();
    }

    public static String csv(CalibratedRun.Result run, List<Outcomes.Measured> measured) {
        StringBuilder csv = new StringBuilder();
        for (Outcomes.Measured m : measured) {
            CityFile.Outcome o = m.outcome();
            csv.append(String.join(",", run.file().city(), o.id(), quoted(o.label()), o.unit().name(), o.seedValue().toPlainString(),
                    m.simulated() == null ? "" : m.simulated().toPlainString(),
                    m.difference() == null ? "" : m.difference().toPlainString(), quoted(m.tolerance()), m.verdict().name(),
                    o.funds() == null ? "" : String.join("+", o.funds().stream().map(Enum::name).toList()),
                    quoted(m.explanation() == null ? "" : m.explanation()))).append("\n");
        }
        return csv.toString();
    }

    private static Money[] zeros() {
        Money[] m = new Money[8];
        java.util.Arrays.fill(m, Money.ZERO);
        return m;
    }

    private static String pct(Money part, Money whole) {
        BigDecimal p = Outcomes.percent(part.amount(), whole.amount());
        return p == null ? "—" : p.toPlainString() + "%";
    }

    private static String figure(BigDecimal v, CityFile.Unit unit) {
        return switch (unit) {
            case PERCENT -> v.toPlainString() + "%";
            case YUAN -> v.toPlainString() + " yuan";
            case PER_PERSON -> v.toPlainString() + " a person";
        };
    }

    private static String difference(Outcomes.Measured m) {
        if (m.difference() == null) {
            return "—";
        }
        String sign = m.difference().signum() > 0 ? "+" : "";
        return sign + m.difference().toPlainString() + (m.outcome().unit() == CityFile.Unit.PERCENT ? " points" : "% of the seed's");
    }

    private static String verdict(Outcomes.Measured m) {
        return switch (m.verdict()) {
            case WITHIN -> "within " + m.tolerance();
            case GAP_EXPLAINED -> "gap, explained below";
            case GAP_UNEXPLAINED -> "**gap, unexplained**";
            case NOT_MODELLED -> "not modelled, explained below";
        };
    }

    private static String scope(CityFile.Scope s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (s.schemes() != null && !s.schemes().isEmpty()) {
            b.append(" ").append(s.schemes());
        }
        if (s.visitTypes() != null && !s.visitTypes().isEmpty()) {
            b.append(" ").append(s.visitTypes());
        }
        if (s.categories() != null && !s.categories().isEmpty()) {
            b.append(" ").append(s.categories());
        }
        if (s.minTotal() != null || s.maxTotal() != null) {
            b.append(" bills of ").append(s.minTotal() == null ? "0" : s.minTotal().toPlainString()).append("-")
                    .append(s.maxTotal() == null ? "" : s.maxTotal().toPlainString()).append(" yuan");
        }
        return b.isEmpty() ? "" : ", over" + b;
    }

    private static String plain(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
