package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * 限定支付范围: a line whose catalog entry in force on the service date has a restricted-payment
 * condition (settlement's catalog, issue 20) the bill does not meet: {@code DIAGNOSES} (one of the
 * bill's diagnoses starts with one of the condition's prefixes) or {@code INPATIENT_ONLY}. Settlement
 * pays such a line as self-pay; the finding tells the hospital before it settles.
 */
@Component
class CatalogRestriction implements RuleType<CatalogRestriction.Params> {

    /** @param restriction DIAGNOSES or INPATIENT_ONLY */
    record Params(String restriction) {
        Params {
            if (!CatalogEntry.Restriction.DIAGNOSES.equals(restriction) && !CatalogEntry.Restriction.INPATIENT_ONLY.equals(restriction)) {
                throw new IllegalArgumentException("restriction must be DIAGNOSES or INPATIENT_ONLY");
            }
        }
    }

    @Override
    public String name() {
        return "CATALOG_RESTRICTION";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        List<Hit> hits = new ArrayList<>();
        ClaimFacts c = in.claim();
        for (ClaimFacts.Line l : c.lines()) {
            CatalogEntry entry = in.catalog().get(l.itemCode());
            if (entry == null) {
                continue;
            }
            String where = "line " + l.no() + " (" + entry.code() + (entry.name() == null ? "" : " " + entry.name()) + ")";
            for (CatalogEntry.Restriction r : entry.restrictions()) {
                if (!r.is(p.restriction())) {
                    continue;
                }
                Money fundPaid = l.amount().minus(l.selfPay());
                if (!fundPaid.isPositive()) {
                    continue;
                }
                if (r.is(CatalogEntry.Restriction.DIAGNOSES) && !r.metBy(c.diagnoses())) {
                    hits.add(Hit.line(c, l, fundPaid, where + " is paid only under its condition \"" + r.description()
                            + "\" (diagnoses " + String.join(", ", r.diagnosisPrefixes()) + "); the bill's diagnoses are "
                            + c.diagnoses() + " (restricted payment)"));
                } else if (r.is(CatalogEntry.Restriction.INPATIENT_ONLY) && c.visitType() != VisitType.INPATIENT) {
                    hits.add(Hit.line(c, l, fundPaid, where + " is paid only under its condition \"" + r.description()
                            + "\" (inpatients); this bill is " + c.visitType() + " (restricted payment)"));
                }
            }
        }
        return hits;
    }
}
