package org.yibao.city.report;

import org.yibao.contracts.money.Money;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The city's own books: every bill the platform settled for it (and did not reverse), layer by
 * layer, kept in fen from the settlement answers. The services' reports must agree with it to the fen.
 */
public final class Ledger {

    /** The layers of a one-stop bill, in the order the settlement answer names them. */
    public enum Layer {
        total, fullSelfPay, priorSelfPay, policyScope, basicFund, catastrophic, supplementary, assistance,
        personalAccount, cash
    }

    /** A scheme and visit type's bills: how many, and each layer's sum. */
    public static final class Account {
        private final AtomicLong bills = new AtomicLong();
        private final AtomicLongArray fen = new AtomicLongArray(Layer.values().length);

        void add(Map<Layer, Money> bill, int sign) {
            bills.addAndGet(sign);
            bill.forEach((layer, amount) -> fen.addAndGet(layer.ordinal(), sign * amount.fen()));
        }

        public long bills() {
            return bills.get();
        }

        public Money get(Layer layer) {
            return Money.ofFen(fen.get(layer.ordinal()));
        }

        public Map<Layer, Money> layers() {
            Map<Layer, Money> out = new java.util.LinkedHashMap<>();
            for (Layer l : Layer.values()) {
                out.put(l, get(l));
            }
            return out;
        }
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> vbpUnits = new ConcurrentHashMap<>();

    /** A settled bill of a scheme and visit type. */
    public void settled(String scheme, String visitType, Map<Layer, Money> bill) {
        accounts.computeIfAbsent(scheme + "/" + visitType, k -> new Account()).add(bill, 1);
    }

    /** A settled bill taken back by its reversal. */
    public void reversed(String scheme, String visitType, Map<Layer, Money> bill) {
        accounts.computeIfAbsent(scheme + "/" + visitType, k -> new Account()).add(bill, -1);
    }

    /** Units of a VBP product an institution dispensed on settled bills (thousandths, as quantities allow three decimals). */
    public void vbp(String institution, String itemCode, java.math.BigDecimal quantity) {
        vbpUnits.computeIfAbsent(institution + "/" + itemCode, k -> new AtomicLong())
                .addAndGet(quantity.movePointRight(3).longValueExact());
    }

    /** "SCHEME/VISIT_TYPE" -> account, sorted. */
    public Map<String, Account> accounts() {
        return new TreeMap<>(accounts);
    }

    public Account total() {
        Account all = new Account();
        accounts.values().forEach(a -> {
            all.bills.addAndGet(a.bills());
            for (Layer l : Layer.values()) {
                all.fen.addAndGet(l.ordinal(), a.fen.get(l.ordinal()));
            }
        });
        return all;
    }

    /** "institution/itemCode" -> units, sorted. */
    public Map<String, java.math.BigDecimal> vbpUnits() {
        Map<String, java.math.BigDecimal> out = new TreeMap<>();
        vbpUnits.forEach((k, v) -> out.put(k, java.math.BigDecimal.valueOf(v.get(), 3)));
        return out;
    }
}
