package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 限定支付范围: a line whose catalog entry in force on the service date has a restricted-payment
 * condition (settlement's catalog, issue 20) the bill does not meet: {@code DIAGNOSES} (one of the
 * bill's diagnoses starts with one of the condition's prefixes), {@code INPATIENT_ONLY}, {@code RETIREES_ONLY}
 * (a retired employee; not judged when the person's type is not known), {@code MIN_LEVEL} (an institution
 * of the level or above; not judged when its level is not known) or {@code MAX_DAYS_SUPPLY} ("units a day,
 * days": the line's quantity above units x days). Settlement
 * pays such a line as self-pay; the finding tells the hospital before it settles.
 */
@Component
class CatalogRestriction implements RuleType<CatalogRestriction.Params> {

    private static final java.util.Set<String> KINDS = java.util.Set.of("DIAGNOSES", "INPATIENT_ONLY", "RETIREES_ONLY", "MIN_LEVEL",
            "MAX_DAYS_SUPPLY");

    /** @param restriction DIAGNOSES, INPATIENT_ONLY, RETIREES_ONLY, MIN_LEVEL or MAX_DAYS_SUPPLY */
    record Params(String restriction) {
        Params {
            if (!KINDS.contains(restriction)) {
                throw new IllegalArgumentException("restriction must be one of " + new java.util.TreeSet<>(KINDS));
            }
        }
    }

    /** A MIN_LEVEL condition's level, or null when it does not name one (settlement checks its catalog; this reads it safely). */
    private static InstitutionLevel level(String parameter) {
        try {
            return parameter == null ? null : InstitutionLevel.valueOf(parameter.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A MAX_DAYS_SUPPLY condition's "units a day,days" as the most units a line may bill, or null when it is not that. */
    private static BigDecimal mostUnits(String parameter) {
        try {
            String[] parts = parameter == null ? new String[0] : parameter.split(",");
            return parts.length == 2 ? new BigDecimal(parts[0].trim()).multiply(new BigDecimal(parts[1].trim())) : null;
        } catch (NumberFormatException e) {
            return null;
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
                } else if (r.is("RETIREES_ONLY") && c.personType() != null && c.personType() != PersonType.EMPLOYEE_RETIRED) {
                    hits.add(Hit.line(c, l, fundPaid, where + " is paid only under its condition \"" + r.description()
                            + "\" (retired employees); the patient is " + c.personType() + " (restricted payment)"));
                } else if (r.is("MIN_LEVEL") && level(r.parameter()) != null && in.level().isPresent()
                        && RuleInput.rank(in.level().get()) < RuleInput.rank(level(r.parameter()))) {
                    hits.add(Hit.line(c, l, fundPaid, where + " is paid only under its condition \"" + r.description()
                            + "\" (institutions of " + r.parameter().trim() + " or above); " + c.institution() + " is " + in.level().get()
                            + " (restricted payment)"));
                } else if (r.is("MAX_DAYS_SUPPLY") && mostUnits(r.parameter()) != null) {
                    String[] parts = r.parameter().split(",");
                    BigDecimal most = mostUnits(r.parameter());
                    if (l.quantity().compareTo(most) > 0) {
                        hits.add(Hit.line(c, l, fundPaid, where + " is paid only under its condition \"" + r.description() + "\" (at most "
                                + most.stripTrailingZeros().toPlainString() + " units, " + parts[1].trim() + " days); the line bills "
                                + l.quantity().stripTrailingZeros().toPlainString() + " (restricted payment)"));
                    }
                }
            }
        }
        return hits;
    }
}
