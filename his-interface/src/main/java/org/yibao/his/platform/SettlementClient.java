package org.yibao.his.platform;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * settlement-service's API as the interface calls it (pre-settle, settle, reverse, an institution's
 * ledger, a person's accumulators), its answers bound onto the records below with the contracts' amounts
 * ({@link SettlementAmounts}, {@link Money}): a member settlement renames fails here, where the answer
 * is bound, naming it, not as a blank amount somewhere in a transaction.
 */
@Component
public class SettlementClient {

    private static final String SERVICE = "settlement";

    private final PlatformApis platform;

    SettlementClient(PlatformApis platform) {
        this.platform = platform;
    }

    /** The one-stop bill of these lines, computed and not kept (预结算). */
    public Bill preSettle(SettleRequest request) {
        return platform.post(SERVICE, "/api/settlement/pre-settlements", request, platform.type(Bill.class));
    }

    /** Settles (结算); the same messageId again gets the same bill. */
    public Bill settle(SettleRequest request) {
        return platform.post(SERVICE, "/api/settlement/settlements", request, platform.type(Bill.class));
    }

    public Bill get(UUID settlementId) {
        return platform.get(SERVICE, "/api/settlement/settlements/" + settlementId, platform.type(Bill.class));
    }

    /** Reverses a settlement in full (冲销): the bill as reversed. */
    public Bill reverse(UUID settlementId, String reason) {
        return platform.post(SERVICE, "/api/settlement/settlements/" + settlementId + "/reversal", new ReverseRequest(reason),
                platform.type(Bill.class));
    }

    /** The institution's settlements settled or reversed between two days inclusive (Beijing time). */
    public List<LedgerEntry> ofInstitution(String institution, LocalDate from, LocalDate to) {
        return platform.get(SERVICE, "/api/settlement/institutions/" + institution + "/settlements?from=" + from + "&to=" + to,
                platform.listOf(LedgerEntry.class));
    }

    /** The person's accumulators of a year; empty when the person has no enrollment in it. */
    public Optional<PersonAccumulators> accumulators(String personId, int year) {
        return platform.find(SERVICE, "/api/settlement/persons/" + personId + "/accumulators?year=" + year,
                platform.type(PersonAccumulators.class));
    }

    /** Checks lines naming the institution's own codes against its approved mappings in force on a date (目录对照). */
    public List<MappingProblem> checkMappings(String institution, LocalDate date, List<MappingLine> lines) {
        MappingCheckResult result = platform.post(SERVICE, "/api/settlement/institutions/" + institution + "/item-mappings/check",
                new MappingCheck(date, lines), platform.type(MappingCheckResult.class));
        return result.problems();
    }

    /** Submits one mapping of the institution's own code for the bureau's review (3301). */
    public void submitMapping(String institution, MappingItem item) {
        platform.post(SERVICE, "/api/settlement/institutions/" + institution + "/item-mappings", new MappingSubmission(List.of(item)));
    }

    /** Revokes the institution's mapping of an own code (3302). */
    public void revokeMapping(String institution, String ownCode, String nationalCode) {
        platform.post(SERVICE, "/api/settlement/institutions/" + institution + "/item-mappings/revocation",
                new MappingRevocation(ownCode, nationalCode));
    }

    /** The catalog's entries of one category changed after a version, oldest change first, at most {@code limit}. */
    public CatalogPage catalogChanges(long afterVer, ItemCategory category, int limit) {
        return platform.get(SERVICE, "/api/settlement/catalog/items?afterVer=" + afterVer + "&limit=" + limit + "&category=" + category,
                platform.type(CatalogPage.class));
    }

    // --- requests ---

    /**
     * The native settle request of a visit's details, with the visit's facts for the audit (issue 21).
     *
     * @param admittedAt     a stay's admission (2401 begntime), Beijing local time; null for other visits
     * @param dischargedAt   a stay's discharge (2402 endtime) when the bill is billed on that day, else null
     * @param procedureCodes ICD-9-CM-3 (2402 / 2401 oprn_oprt_code), main first
     * @param doctorCode     the attending doctor (atddr_no), or null
     * @param departmentCode the department (dscg_dept_codg, adm_dept_codg or dept_code), or null
     * @param personalAccountAmount acct_used_flag 1: the most the personal account may pay (yuan), else null
     * @param deliveryKind   a delivery's stay (med_type 52): the kind of delivery from 2402 matn_type, else null
     */
    public record SettleRequest(String messageId, String personId, String institutionCode, VisitType visitType, LocalDate serviceDate,
                                List<String> diagnosisCodes, List<Line> lines, boolean emergency, LocalDateTime admittedAt,
                                LocalDateTime dischargedAt, List<String> procedureCodes, String doctorCode, String departmentCode,
                                String personalAccountAmount, DeliveryKind deliveryKind) {

        /** A request that asks no personal-account payment and is not a delivery. */
        public SettleRequest(String messageId, String personId, String institutionCode, VisitType visitType, LocalDate serviceDate,
                             List<String> diagnosisCodes, List<Line> lines, boolean emergency, LocalDateTime admittedAt,
                             LocalDateTime dischargedAt, List<String> procedureCodes, String doctorCode, String departmentCode) {
            this(messageId, personId, institutionCode, visitType, serviceDate, diagnosisCodes, lines, emergency, admittedAt,
                    dischargedAt, procedureCodes, doctorCode, departmentCode, null, null);
        }
    }

    /**
     * One native line.
     *
     * @param quantity     the quantity as the interface keeps it, without trailing zeros
     * @param unitPrice    the unit price in yuan as text, with at least two decimals
     * @param daysOfSupply prd_days rounded up to whole days, or null
     * @param doctorCode   the prescribing doctor (bilg_dr_codg), or null
     */
    public record Line(String itemCode, BigDecimal quantity, String unitPrice, Integer daysOfSupply, String doctorCode) {

        /** A line without days of supply or prescribing doctor. */
        public Line(String itemCode, BigDecimal quantity, String unitPrice) {
            this(itemCode, quantity, unitPrice, null, null);
        }
    }

    record ReverseRequest(String reason) {
    }

    /** A fee line's codes: the institution's own (medins_list_codg) and the national one it gives (med_list_codg). */
    public record MappingLine(String ownCode, String nationalCode) {
    }

    record MappingCheck(LocalDate date, List<MappingLine> lines) {
    }

    /** A mapping as 3301 submits it. */
    public record MappingItem(String ownCode, String ownName, String listType, String nationalCode, LocalDate validFrom,
                              LocalDate validTo) {
    }

    record MappingSubmission(List<MappingItem> items) {
    }

    record MappingRevocation(String ownCode, String nationalCode) {
    }

    // --- answers ---

    /**
     * A one-stop bill (一站式结算单) as settlement answers it: pre-settled, settled or reversed.
     *
     * @param id         settlement's id of the bill (a pre-settlement's is not kept)
     * @param status     PRE_SETTLEMENT, SETTLED or REVERSED
     * @param place      where the person was treated (LOCAL, REMOTE_FILED, REMOTE_UNFILED)
     * @param policyPack the policy pack and version that decided it
     * @param settledAt  when it was settled; null for a pre-settlement
     * @param reversalId settlement's id of its reversal, or null
     * @param reversedAt when it was reversed, or null
     */
    public record Bill(UUID id, String status, Scheme scheme, String place, String policyPack, SettlementAmounts amounts,
                       List<BillLine> lines, Instant settledAt, UUID reversalId, Instant reversedAt, Account account) {

        /** A bill no personal account took part in. */
        public Bill(UUID id, String status, Scheme scheme, String place, String policyPack, SettlementAmounts amounts,
                    List<BillLine> lines, Instant settledAt, UUID reversalId, Instant reversedAt) {
            this(id, status, scheme, place, policyPack, amounts, lines, settledAt, reversalId, reversedAt, null);
        }
    }

    /**
     * What a personal account paid towards a bill (issue 22), as settlement answers it.
     *
     * @param holderId     whose account paid: the patient, or under family mutual aid (家庭共济) the holder
     * @param balanceAfter the account's balance after the bill (balc); after a reversal, after the restoration
     * @param mutualAid    whether a family member's bill was paid from the holder's account (acct_mulaid_pay)
     */
    public record Account(String holderId, Money paid, Money balanceAfter, boolean mutualAid) {
    }

    /**
     * One line of a bill: what the catalog said and what the person pays.
     *
     * @param paidInFullBy the policy rule under which the fund paid the line in full, or null
     * @param priceCeiling the catalog's price ceiling per unit in yuan, or null when it has none
     */
    public record BillLine(String itemCode, ItemCategory category, ItemClass itemClass, boolean inCatalog, Price unitPrice,
                           Money amount, Money fullSelfPay, Money priorSelfPay, String paidInFullBy, Money priceCeiling) {
    }

    /**
     * A bill of an institution's ledger, for reconciliation (对账).
     *
     * @param funds what the funds paid together (basic, catastrophic, supplementary, assistance)
     */
    public record LedgerEntry(UUID id, String personId, Scheme scheme, VisitType visitType, Instant settledAt, UUID reversalId,
                              Instant reversedAt, Money total, Money funds, Money personalAccount) {
    }

    /** The problems of a mapping check. */
    record MappingCheckResult(List<MappingProblem> problems) {
    }

    /**
     * A line that does not pass the mapping check.
     *
     * @param index the line's place among those checked (0-based)
     * @param field OWN (its own code) or NATIONAL (the national code it gave)
     */
    public record MappingProblem(int index, String field, String reason) {
    }

    /** A page of the catalog's changes and the version to ask after next. */
    public record CatalogPage(List<CatalogEntry> items, long nextAfterVer) {
    }

    /**
     * A catalog entry as distributed (removed: only code, begin date and category are given).
     *
     * @param priceCeiling yuan per unit, or null
     * @param selfPayRatio the item's own prior self-pay ratio (0-1), or null
     */
    public record CatalogEntry(String code, LocalDate validFrom, long ver, boolean removed, String name, ItemCategory category,
                               ItemClass itemClass, LocalDate validTo, Money priceCeiling, BigDecimal selfPayRatio, boolean vbp) {
    }

    /** A person's accumulators of a year, in the scheme of their enrollment. */
    public record PersonAccumulators(Scheme scheme, Accumulated accumulators) {
    }

    /**
     * The year-to-date totals (累计).
     *
     * @param deductibleUsed 起付线 paid, per cap pool (in settlement's order)
     * @param fundPaid       basic fund paid, per cap pool (in settlement's order)
     */
    public record Accumulated(Map<String, Money> deductibleUsed, Map<String, Money> fundPaid, Money policyScopeSelfPay,
                              Money catastrophicPaid, Money supplementaryPaid, Money assistancePaid) {
    }
}
