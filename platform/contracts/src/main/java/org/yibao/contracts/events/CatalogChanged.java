package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Entries of the reimbursement catalog (医保目录) changed: added, changed or removed by an import or by
 * the bureau's own data (ceilings, self-pay ratios, restricted-payment conditions). Settlement owns the
 * catalog; supervision and procurement keep their copy from these events instead of their own lists.
 * One change of the catalog is published as one or more parts of at most {@link #PART_SIZE} entries,
 * all on one partition, in version order.
 *
 * <p>A consumer keeps, per (code, validFrom), the entry of the highest {@code ver} it has seen, and
 * keeps a removal as a mark with its version (not by deleting the row): applying the parts again, or an
 * older part after a newer one, then changes nothing.
 *
 * @param changeId identifies the change (an import), the same for all its parts
 * @param part     1-based part number; {@code parts} of them make the change
 * @param entries  the entries as they now stand, in version order
 */
@EventType(name = "CatalogChanged", version = 1, topic = Topics.CATALOG)
public record CatalogChanged(String changeId, int part, int parts, List<Entry> entries, Instant changedAt)
        implements IntegrationEvent {

    /**
     * The most entries one part carries: an entry is at most about 7 KB of JSON (a 200-character name and
     * five conditions of 200-character parameter and description, in UTF-8), so a part stays under
     * Kafka's default 1 MB message.
     */
    public static final int PART_SIZE = 100;

    public CatalogChanged {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * One catalog entry: an item's terms from {@code validFrom} until {@code validTo} (inclusive; null
     * open-ended). A later entry of the same code replaces it from its own begin date.
     *
     * @param ver           the catalog's version of this change (increasing over all changes)
     * @param removed       the entry was withdrawn; the other fields then may be null
     * @param priceCeiling  yuan per unit (最高限价), null when the entry has none
     * @param levelCeilings ceilings at institution levels where they differ from {@code priceCeiling}
     * @param selfPayRatio  the item's own prior self-pay ratio (先行自付比例, 0-1), class 乙 only; null: the pack's
     * @param vbp           a volume-based-procurement (带量采购) product
     * @param restrictions  restricted-payment conditions (限定支付范围)
     */
    public record Entry(String code, LocalDate validFrom, long ver, boolean removed, String name, ItemCategory category,
                        ItemClass itemClass, LocalDate validTo, Money priceCeiling, Map<InstitutionLevel, Money> levelCeilings,
                        BigDecimal selfPayRatio, boolean vbp, List<Restriction> restrictions) {

        public Entry {
            levelCeilings = levelCeilings == null ? Map.of() : Map.copyOf(levelCeilings);
            restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
        }
    }

    /**
     * A restricted-payment condition as settlement applies it.
     *
     * @param kind      DIAGNOSES, MIN_LEVEL, RETIREES_ONLY, INPATIENT_ONLY or MAX_DAYS_SUPPLY
     * @param parameter DIAGNOSES: ICD-10 prefixes, comma-separated; MIN_LEVEL: a level; MAX_DAYS_SUPPLY:
     *                  "units a day,days"; null for the others
     */
    public record Restriction(String kind, String parameter, String description) {
    }

    @Override
    public String partitionKey() {
        return "catalog";
    }
}
