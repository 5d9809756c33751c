package org.yibao.procurement.nationalcatalog;

import java.util.Map;
import java.util.Optional;

/**
 * What procurement's copy of the reimbursement catalog says of some item codes on a day.
 *
 * @param received whether any catalog change has reached the copy yet (a removed entry counts: it was received)
 * @param inForce  the entries in force that day, by code, for those of the codes the catalog lists
 */
public record Listing(boolean received, Map<String, CatalogEntry> inForce) {

    public Listing {
        inForce = Map.copyOf(inForce);
    }

    public Optional<CatalogEntry> entry(String code) {
        return Optional.ofNullable(inForce.get(code));
    }

    /**
     * Whether an item code may be used that day: the catalog lists it, or no catalog has been received
     * yet, so that procurement keeps working for a bureau whose settlement has not yet published its
     * catalog (and for a batch started before the catalog was distributed).
     */
    public boolean admits(String code) {
        return !received || inForce.containsKey(code);
    }
}
