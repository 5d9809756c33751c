package org.yibao.city.expect;

import org.yibao.contracts.money.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of a one-stop bill (DESIGN.md, "Settlement: the adjudication order"), in its order:
 * what the simulator expects, or what the platform answered.
 */
public record Layers(Money total, Money fullSelfPay, Money priorSelfPay, Money policyScope, Money deductible, Money basicFund,
                     Money catastrophic, Money supplementary, Money assistance, Money personalAccount, Money cash) {

    public Map<String, Money> byName() {
        Map<String, Money> m = new LinkedHashMap<>();
        m.put("total", total);
        m.put("fullSelfPay", fullSelfPay);
        m.put("priorSelfPay", priorSelfPay);
        m.put("policyScope", policyScope);
        m.put("deductible", deductible);
        m.put("basicFund", basicFund);
        m.put("catastrophic", catastrophic);
        m.put("supplementary", supplementary);
        m.put("assistance", assistance);
        m.put("personalAccount", personalAccount);
        m.put("cash", cash);
        return m;
    }

    /** The names of the layers that differ from the other's, in order. */
    public List<String> differences(Layers other) {
        List<String> names = new ArrayList<>();
        Map<String, Money> theirs = other.byName();
        byName().forEach((name, amount) -> {
            if (amount.compareTo(theirs.get(name)) != 0) {
                names.add(name);
            }
        });
        return names;
    }

    @Override
    public String toString() {
        return byName().toString();
    }
}
