package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.money.Money;
import org.yibao.supervision.knowledge.Knowledge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 超量开药 over time: a purchase of a drug after which the person holds more than {@code maxHoldDays}
 * of it, counting what is left of their purchases within {@code windowDays} at any institution. Supply
 * is carried over purchase by purchase (what was left, less the days since, plus what was bought): a
 * refill when the last supply runs out leaves nothing over, and a refill somewhat early (a long
 * prescription of 84 days renewed three weeks early) stays within the most one may hold — national
 * policy allows long prescriptions of up to 12 weeks (长处方), so the default holds 12 weeks and a
 * fortnight.
 * A line's days are its days of supply (prd_days) when given, else its quantity over the knowledge
 * base's daily dose; a drug with neither is not judged. Purchases of the same drug are those whose
 * codes share the daily dose's prefix (the same molecule in any pack), else the same code; the bill's own
 * earlier lines of it count as bought the same day (two lines of 98 days are 196). Drugs given during a
 * stay are used up in it: inpatient claims neither hold supply nor are judged.
 *
 * <p>The amount in violation is the share of the purchase beyond the most one may hold:
 * amount x min(1, (days held after it - maxHoldDays) / days bought), rounded half up to the fen.
 */
@Component
class CumulativeSupply implements RuleType<CumulativeSupply.Params> {

    /**
     * @param windowDays  how far back purchases count, 30 to 400
     * @param maxHoldDays the most days of a drug a person may hold after a purchase, 7 to 400
     */
    record Params(int windowDays, int maxHoldDays) {
        Params {
            if (windowDays < 30 || windowDays > 400) {
                throw new IllegalArgumentException("windowDays must be 30 to 400");
            }
            if (maxHoldDays < 7 || maxHoldDays > 400) {
                throw new IllegalArgumentException("maxHoldDays must be 7 to 400");
            }
        }
    }

    @Override
    public String name() {
        return "CUMULATIVE_SUPPLY";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public int historyDays(Params p) {
        return p.windowDays();
    }

    /** One purchase of the drug: its day and the days it lasts. */
    private record Purchase(java.time.LocalDate day, String settlementId, BigDecimal days) {
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        Knowledge kb = in.knowledge();
        List<Hit> hits = new ArrayList<>();
        if (c.isInpatient()) {
            return hits;
        }
        for (ClaimFacts.Line line : c.lines()) {
            Optional<BigDecimal> days = days(line, kb);
            if (line.category() != ItemCategory.DRUG || days.isEmpty()) {
                continue;
            }
            String group = kb.dailyDoseOf(line.itemCode()).map(Knowledge.DailyDose::item).orElse(line.itemCode());
            List<Purchase> earlier = new ArrayList<>();
            for (ClaimFacts.Line same : c.lines()) {
                if (same.no() < line.no() && same.itemCode().startsWith(group)) {
                    days(same, kb).ifPresent(d -> earlier.add(new Purchase(c.serviceDate(), c.settlementId() + "#" + same.no(), d)));
                }
            }
            for (ClaimFacts o : in.history()) {
                if (o.isInpatient() || o.serviceDate().isAfter(c.serviceDate())
                        || o.serviceDate().isBefore(c.serviceDate().minusDays(p.windowDays()))) {
                    continue;
                }
                for (ClaimFacts.Line l : o.lines()) {
                    if (l.itemCode().startsWith(group)) {
                        days(l, kb).ifPresent(d -> earlier.add(new Purchase(o.serviceDate(), o.settlementId(), d)));
                    }
                }
            }
            earlier.sort(Comparator.comparing(Purchase::day).thenComparing(Purchase::settlementId));
            BigDecimal held = BigDecimal.ZERO;
            java.time.LocalDate last = null;
            for (Purchase purchase : earlier) {
                held = carried(held, last, purchase.day()).add(purchase.days());
                last = purchase.day();
            }
            held = carried(held, last, c.serviceDate());
            BigDecimal after = held.add(days.get());
            BigDecimal over = after.subtract(BigDecimal.valueOf(p.maxHoldDays()));
            if (over.signum() > 0) {
                BigDecimal share = over.divide(days.get(), 6, RoundingMode.HALF_UP).min(BigDecimal.ONE);
                Money amount = Money.rounded(line.amount().amount().multiply(share), RoundingMode.HALF_UP);
                hits.add(new Hit(c, List.of(line.no()), earlier.stream().map(Purchase::settlementId)
                        .filter(id -> !id.startsWith(c.settlementId() + "#")).distinct().toList(), amount,
                        Hit.where(line) + ": " + plain(days.get()) + " days bought while " + plain(held) + " days were still held from "
                                + earlier.size() + " purchases in the last " + p.windowDays() + " days: " + plain(after)
                                + " days held, more than " + p.maxHoldDays() + " (excessive supply)"));
            }
        }
        return hits;
    }

    private static BigDecimal carried(BigDecimal held, java.time.LocalDate from, java.time.LocalDate to) {
        if (from == null) {
            return BigDecimal.ZERO;
        }
        return held.subtract(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to))).max(BigDecimal.ZERO);
    }

    private static Optional<BigDecimal> days(ClaimFacts.Line l, Knowledge kb) {
        if (l.daysOfSupply() != null && l.daysOfSupply() > 0) {
            return Optional.of(BigDecimal.valueOf(l.daysOfSupply()));
        }
        return kb.dailyDoseOf(l.itemCode()).map(d -> l.quantity().divide(d.unitsPerDay(), 2, RoundingMode.DOWN))
                .filter(d -> d.signum() > 0);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
