package org.yibao.supervision.precheck;

import org.yibao.contracts.events.VisitType;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pre-check's reading of the catalog's restricted-payment conditions (限定支付范围): a line whose
 * entry in force on the bill's service date has a condition the bill does not meet is a WARN naming the
 * item and the condition in the catalog's words. Settlement then pays the line as self-pay (the catalog's
 * rule, issue 20); the warning tells the hospital before it settles. Read here: DIAGNOSES (one of the
 * bill's diagnoses starts with one of the condition's ICD-10 prefixes; a bill with none does not meet it)
 * and INPATIENT_ONLY (the bill is an inpatient stay). The configured {@code diagnosis-bound-items} of
 * {@link PreCheckRules} keep applying beside it.
 */
final class RestrictedPayment {

    private RestrictedPayment() {
    }

    /**
     * The warnings for a bill's lines, in line order.
     *
     * @param itemCodes the bill's lines' item codes, in order
     * @param catalog   the catalog's entries in force on the service date, by item code (items it does not list are absent)
     */
    static List<String> warnings(List<String> itemCodes, Map<String, CatalogEntry> catalog, List<String> diagnoses,
                                 VisitType visitType) {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < itemCodes.size(); i++) {
            CatalogEntry entry = catalog.get(itemCodes.get(i));
            if (entry == null) {
                continue;
            }
            String where = "line " + (i + 1) + " (" + entry.code() + (entry.name() == null ? "" : " " + entry.name()) + ")";
            for (CatalogEntry.Restriction r : entry.restrictions()) {
                if (r.is(CatalogEntry.Restriction.DIAGNOSES) && !r.metBy(diagnoses)) {
                    warnings.add(where + " is paid only under its condition \"" + r.description() + "\" (diagnoses "
                            + String.join(", ", r.diagnosisPrefixes()) + "); the bill's diagnoses are " + diagnoses
                            + " (restricted payment)");
                } else if (r.is(CatalogEntry.Restriction.INPATIENT_ONLY) && visitType != VisitType.INPATIENT) {
                    warnings.add(where + " is paid only under its condition \"" + r.description() + "\" (inpatients); this bill is "
                            + visitType + " (restricted payment)");
                }
            }
        }
        return warnings;
    }
}
