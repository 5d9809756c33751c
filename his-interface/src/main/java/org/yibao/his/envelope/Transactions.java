package org.yibao.his.envelope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The interface's one transaction table: every infno (交易编号) with its handler, checked when the
 * interface starts against the declarations ({@code national-interface/transactions.yml}): a declared
 * transaction without a handler, a handler without a declaration, or an infno listed twice stops the
 * start, naming the infno.
 */
public final class Transactions {

    private final Map<String, Transaction> byInfno;

    /**
     * @param transactions the table's rows
     * @param declared     the infnos the declarations have
     * @throws IllegalStateException naming every infno listed twice, without a declaration or without a handler
     */
    public Transactions(Collection<Transaction> transactions, Set<String> declared) {
        Map<String, Transaction> table = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Transaction t : transactions) {
            if (table.putIfAbsent(t.infno(), t) != null) {
                problems.add(t.infno() + " is listed twice");
            }
        }
        table.keySet().stream().filter(infno -> !declared.contains(infno))
                .forEach(infno -> problems.add(infno + " has a handler but no declaration in national-interface/transactions.yml"));
        declared.stream().filter(infno -> !table.containsKey(infno)).sorted()
                .forEach(infno -> problems.add(infno + " is declared in national-interface/transactions.yml but has no handler"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the transaction table does not match the declarations: " + String.join("; ", problems));
        }
        this.byInfno = Collections.unmodifiableMap(table);
    }

    public Optional<Transaction> find(String infno) {
        return Optional.ofNullable(byInfno.get(infno));
    }

    /** Every infno, in order. */
    public List<String> infnos() {
        return List.copyOf(byInfno.keySet());
    }

    /** The infnos a pharmacy may call, in order. */
    public List<String> forPharmacies() {
        return byInfno.values().stream().filter(Transaction::forPharmacies).map(Transaction::infno).toList();
    }
}
