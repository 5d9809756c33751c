package org.yibao.city.report;

import org.yibao.city.drive.Latencies;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The year's report as a bureau manager reads it, and the books the platform kept checked against
 * the city's own. Written as JSON; {@link #summary()} prints it.
 */
public record CityReport(City city, Run run, Enrollment enrollment, List<Fund> funds, List<Reimbursement> reimbursement,
                         Warnings povertyWarnings, Fraud fraud, List<Vbp> vbp, Catalog catalog, OwnCalculation ownCalculation,
                         Accounts accounts, Maternity maternity, Care care, Clearing clearing,
                         org.yibao.city.drive.CasemixDesk.Outcome casemix, Books books, List<EventCounts.TopicFlow> events, Map<String, Latencies.Summary> latencyMillis) {

    public record City(String name, String regionCode, long seed, int registeredPopulation, int year, String from, String to) {
    }

    /**
     * @param settledNationally of the settled bills, those billed through the national interface
     * @param drainSeconds      how long the consumers took, after the last call, to process everything published
     * @param blockedAtPreCheck planted bills and look-alikes supervision's real-time pre-check blocked (not refused, not
     *                          settled); {@code blockedAtPreCheckNatively} of them sent to the native API
     */
    public record Run(double seconds, long bills, long settled, long settledNationally, long replayed, long reversed, long refused,
                      long blockedAtPreCheck, long blockedAtPreCheckNatively,
                      Map<String, Long> refusedByStatus, List<String> sampleRefusals, double settlementsPerSecond,
                      long certifications, long deathsRegistered, double drainSeconds, Map<String, Object> uploads) {
    }

    /** Enrollment by scheme and the coverage of the registered population. */
    public record Enrollment(Map<String, Long> enrolledByScheme, long enrolled, long subsidised, BigDecimal coverageRatePercent,
                             Money contributions, Money contributionsSubsidised) {
    }

    /**
     * One scheme's fund: the income recorded by enrollment (residents' personal contributions;
     * employees' are collected with wages, outside this platform) and the spending settled, by layer.
     */
    public record Fund(String scheme, Money contributionIncome, long bills, Money total, Money policyScope, Money basicFund,
                       Money catastrophic, Money supplementary, Money assistance, Money personalPayment,
                       BigDecimal policyScopeRatioPercent, BigDecimal overallRatioPercent) {
    }

    /** One assistance category (NONE for everyone else), as assistance-service reports it. */
    public record Reimbursement(String category, long personTimesAssisted, long persons, Money assistance, Money total,
                                Money policyScope, Money fundsPaid, BigDecimal policyScopeRatioPercent,
                                BigDecimal overallRatioPercent) {
    }

    public record Warnings(long flaggedByThisRun, long exportedThisMonth) {
    }

    /**
     * Planted fraud against what the smart audit flagged, at the level of bills (claims).
     *
     * <p>The first eight fields are the city's original seven patterns, as the report always gave them: planted
     * claims by kind, flagged with any of those seven patterns' kinds (precision over the claims flagged with them,
     * a claim of any planted pattern counting as found; the look-alikes are left to {@link #lookAlikes}).
     *
     * @param flaggedByRule  claims flagged, by kind (every kind, every claim of the run)
     * @param findings       the findings listed on the run's claims (a claim may have several of one kind)
     * @param byPattern      every pattern: recall, and the precision of its kind
     * @param byKind         every kind flagged or planted: precision, and where its false positives fell
     * @param lookAlikes     the clean look-alikes and what the audit flagged on them (false positives)
     * @param notPlanted     patterns asked for that the city cannot plant, and why
     */
    public record Fraud(Map<String, Long> plantedByPattern, Map<String, Long> flaggedByRule, long plantedBills,
                        long flaggedBills, long truePositives, BigDecimal precisionPercent, BigDecimal recallPercent,
                        Map<String, Long> missedByPattern, long findings, List<PatternFigures> byPattern, List<KindFigures> byKind,
                        List<LookAlikeFigures> lookAlikes, List<String> notPlanted) {
    }

    /**
     * One planted pattern. Recall = (improper claims flagged with the pattern's kind + those the real-time pre-check
     * blocked) / (improper claims settled + blocked).
     *
     * @param improper          the pattern's improper claims settled (those the audit should flag)
     * @param accompanying      the claims that make up the pattern with them (flagging them is no false positive)
     * @param flagged           improper claims flagged with the pattern's kind
     * @param blockedAtPreCheck improper claims the real-time pre-check blocked (not settled; found, in recall)
     * @param kindPrecisionPercent the precision of the pattern's kind ({@link KindFigures})
     * @param otherKindsOnItsClaims other kinds flagged on the pattern's claims (any role)
     */
    public record PatternFigures(String pattern, String kind, boolean original, long improper, long accompanying, long flagged,
                                 long blockedAtPreCheck, BigDecimal recallPercent, BigDecimal kindPrecisionPercent,
                                 Map<String, Long> otherKindsOnItsClaims) {
    }

    /**
     * One kind of violation. Precision = claims flagged with it that a pattern of the same kind planted (improper or
     * accompanying) / claims flagged with it.
     *
     * @param onItsPatterns   flagged claims of patterns of this kind
     * @param onOtherPatterns flagged claims of patterns of other kinds (false positives of this kind)
     * @param onLookAlikes    flagged claims of the clean look-alikes
     * @param onHonestBills   flagged honest claims
     */
    public record KindFigures(String kind, long flagged, long onItsPatterns, long onOtherPatterns, long onLookAlikes, long onHonestBills,
                              BigDecimal precisionPercent) {
    }

    /** One clean look-alike: its claims, and those the audit flagged (each a false positive), by kind. */
    public record LookAlikeFigures(String lookAlike, List<String> resembles, long claims, long flagged, long blockedAtPreCheck,
                                   Map<String, Long> flaggedByKind) {
    }

    public record Vbp(String batch, String itemCode, BigDecimal agreed, BigDecimal consumed, BigDecimal purchased,
                      BigDecimal completionPercent, Money savings) {
    }

    /**
     * The SYNTHETIC national catalog the bureau imported, the institutions' code mappings, and the year's lines
     * as the catalog priced them.
     *
     * @param source        which synthetic catalog (seed, codes)
     * @param imports       each file's import report (rows, added, changed, unchanged ...)
     * @param importSeconds the four imports together
     * @param formulary     what the city's doctors prescribe from it, by use
     */
    public record Catalog(String source, Map<String, Map<String, Object>> imports, double importSeconds, Mappings mappings,
                          Map<String, List<String>> formulary, CatalogLines lines) {
    }

    /** The institutions' own codes mapped to national ones (目录对照): submitted, already approved, approved by the bureau now. */
    public record Mappings(int institutions, long submitted, long unchanged, long approved, double seconds) {
    }

    /**
     * The settled bills' lines.
     *
     * @param fromSyntheticCatalog       lines of the synthetic catalog's items, and by class
     * @param atOwnRatio                 of those, class 乙 lines with the item's own prior self-pay ratio
     * @param selfPaidForACondition      lines settlement named a restricted-payment condition for (native answers)
     * @param withOwnCode                lines sent with the institution's own code
     * @param notInCatalogForMissingCode lines priced "not in the catalog" whose item the catalog should have had (0 expected)
     * @param notInCatalogAsPlanned      lines of the item the city bills off the catalog on purpose (GEFITINIB)
     */
    public record CatalogLines(long lines, long fromSyntheticCatalog, Map<String, Long> syntheticByClass, long atOwnRatio,
                               long selfPaidForACondition, long withOwnCode, long notInCatalogForMissingCode, long notInCatalogAsPlanned,
                               List<String> sampleMissing) {
    }

    /**
     * Settlement's answers against the simulator's own calculation of every bill from the policy pack
     * (org.yibao.city.expect): how many bills were checked, why the others were not, how many differ.
     *
     * @param bills              the bills the platform answered with a settlement in this run
     * @param checkedBillsByRule how many checked bills each rule shaped (what the check exercised)
     * @param differingByLayers  how many bills differ in each set of layers
     * @param firstDifferences   the first difference of a few persons' years, with the bill's inputs
     */
    public record OwnCalculation(long bills, long checked, BigDecimal checkedSharePercent, long differing, long personsDiffering,
                                 Map<String, Long> notCheckedByReason, Map<String, Long> checkedBillsByRule,
                                 Map<String, Long> differingByLayers,
                                 List<Difference> firstDifferences) {
    }

    /**
     * One bill whose layers differ from the simulator's calculation, with what went into it: the person
     * as the city knows them, the lines with their catalog class, the person's year before it as the
     * simulator counted it, and both sets of layers (or the refusal the simulator expected).
     */
    public record Difference(String messageId, String channel, String date, String visitType, String institution, String person,
                             List<String> lines, String yearToDateBefore, String pack, Map<String, Money> expected,
                             String expectedOtherwise, Map<String, Money> platform, List<String> layersDiffering) {
    }

    /**
     * Personal accounts (个人账户, ADR 0020) as the simulator computed them from its own reading of the rates file and
     * the bills that asked the account: the months posted (ahead of the bills, all at once), what was credited, what
     * the accounts paid (debits less restorations) and of that for bound family members (家庭共济), the closing balances.
     *
     * @param rates            the rates file in force (its name)
     * @param holders          employees with an account credited this run
     * @param bindings         family bindings registered, by relationship
     * @param billsAsking      bills that asked an account payment ({@code askingForMembers} of them a bound member's)
     * @param unknownAccounts  accounts a bill on which the simulator could not predict (their balances not checked)
     */
    public record Accounts(String rates, List<String> monthsPosted, long holders, Map<String, Long> bindings, Money credited,
                           Money paid, Money paidForMembers, Money closingBalances, long billsAsking, long billsAskingForMembers,
                           long accountsPaying, long unknownAccounts) {
    }

    /**
     * Maternity (生育保险, ADR 0022): prenatal visits and deliveries settled, the fund's payments the simulator
     * expected of them (a delivery's fixed amount, at most its policy scope), and the allowances granted.
     */
    public record Maternity(long pregnancies, Map<String, Long> deliveriesByKind, long prenatalVisits, Money prenatalPaid,
                            long deliveries, Money deliveryFixedPayments, long allowances, Money allowancesExpected,
                            Money allowancesGranted, List<String> refusals) {
    }

    /**
     * Long-term care (长期护理保险, ADR 0021): assessments by the level found, decisions, beneficiaries by level, and
     * the payments by setting the simulator priced from its own reading of the policy file.
     */
    public record Care(String policy, List<String> monthsPaid, Map<String, Long> assessmentsByLevel, Map<String, Long> decisions,
                       Map<String, Long> beneficiariesByLevel, Map<String, Long> paymentsBySetting, Map<String, Money> fundPaidBySetting,
                       Map<String, Money> standardAmountBySetting, Map<String, Money> answeredBySetting, List<String> refusals) {
    }

    /** Each check of the books: what the city's ledger says, what the platform says. */
    /**
     * The fund clearing of the run (issue 23), yuan.
     *
     * @param monthsPaid       the months whose orders the run prepared and approved (each ended by the run's last day)
     * @param ordersApproved   orders approved by this run
     * @param approvedBefore   orders an earlier run had approved (answered as they were)
     * @param budgets          the year's allocations set by the run, per institution/scheme
     * @param byFund           per fund, the year's orders summed over the city's institutions: owedInPeriod, withheld,
     *                         deducted, recovered, prepaymentRecovered, paid, and the last orders' deferrals
     * @param openOwed         per fund, owed in months still open
     * @param yearEnd          per fund, the year-end statements summed (recognised, retained, borne, released, forfeited,
     *                         payable); empty while the year runs
     * @param yearEndNote      why there is no year-end, or how many statements were approved
     * @param refusals         answers other than success, at most 20
     */
    public record Clearing(List<String> monthsPaid, long ordersApproved, long approvedBefore, Map<String, Money> budgets,
                           Map<String, Map<String, Money>> byFund, Map<String, Money> openOwed, Map<String, Map<String, Money>> yearEnd,
                           String yearEndNote, List<String> refusals) {
    }

    public record Check(String name, String expected, String actual, boolean ok) {
    }

    public record Books(boolean balanced, List<Check> checks) {
    }

    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%n=== %s (%s), %d, seed %d: %,d registered ===%n", city.name(), city.regionCode(), city.year(),
                city.seed(), city.registeredPopulation()));
        s.append(String.format("Enrolled %,d (%s), coverage %s%%, %,d subsidised; contributions %s (assistance paid %s)%n",
                enrollment.enrolled(), enrollment.enrolledByScheme(), enrollment.coverageRatePercent(), enrollment.subsidised(),
                enrollment.contributions(), enrollment.contributionsSubsidised()));
        s.append(String.format("Bills %,d: settled %,d (%,d through the national interface), reversed %,d, refused %,d, replayed %,d,"
                        + " planted ones blocked at the pre-check %,d; %.1f settlements/s; the whole run %.0f s, consumers done %.0f s after"
                        + " the last call%n", run.bills(),
                run.settled(), run.settledNationally(), run.reversed(), run.refused(), run.replayed(), run.blockedAtPreCheck(),
                run.settlementsPerSecond(),
                run.seconds(), run.drainSeconds()));
        for (Fund f : funds) {
            s.append(String.format("Fund %-8s income %14s | %,8d bills, total %14s, scope %14s, basic %14s, catastrophic %12s,"
                            + " supplementary %12s, assistance %12s, person %14s | scope ratio %s%%, overall %s%%%n",
                    f.scheme(), f.contributionIncome(), f.bills(), f.total(), f.policyScope(), f.basicFund(), f.catastrophic(),
                    f.supplementary(), f.assistance(), f.personalPayment(), f.policyScopeRatioPercent(), f.overallRatioPercent()));
        }
        for (Reimbursement r : reimbursement) {
            s.append(String.format("  %-24s %,7d person-times assisted, %,7d persons, assistance %12s, scope ratio %6s%%, overall %6s%%%n",
                    r.category(), r.personTimesAssisted(), r.persons(), r.assistance(), r.policyScopeRatioPercent(),
                    r.overallRatioPercent()));
        }
        s.append(String.format("Clearing: months paid %s, %,d orders approved (%,d approved before); paid by fund %s; open %s; %s%n",
                clearing.monthsPaid(), clearing.ordersApproved(), clearing.approvedBefore(),
                clearing.byFund().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().get("paid"), (x, y) -> x, java.util.TreeMap::new)),
                clearing.openOwed(), clearing.yearEndNote()));
        s.append(String.format("Paying stays by group: %,d settlement lists uploaded, %,d passed quality control; findings by field %s; DRG"
                        + " pilots %s; DIP table %s, DRG weights %s; months priced %s: %,d stays by DIP, %,d by DRG, %,d not priced; the"
                        + " year's rates %s; announced to clearing %s%n", casemix.uploaded(), casemix.passed(), casemix.findings(),
                casemix.pilots(), casemix.dipTable(), casemix.drgWeights(), casemix.monthsPriced().size(), casemix.pricedDip(),
                casemix.pricedDrg(), casemix.notPriced(), casemix.yearSettled() ? "set" : "not set (the year has not ended)",
                casemix.announcedByFund()));
        for (org.yibao.city.drive.CasemixDesk.Hospital h : casemix.hospitals()) {
            s.append(String.format("  %-14s %-3s lists %,6d passed %6s%%  stays %,6d  CMI %7s  outliers high %,4d low %,4d  paid %14s"
                            + " item by item %14s  %s %14s (%s)%n", h.institutionCode(), h.method(), h.lists(), h.passedPercent(), h.stays(),
                    h.cmi(), h.highOutliers(), h.lowOutliers(), h.fundPayment(), h.itemFund(),
                    h.difference().isNegative() ? "loss" : "gain", h.difference(), h.basis()));
        }
        s.append(String.format("Poverty-risk warnings: %,d flagged by this run (%,d in this month's export)%n",
                povertyWarnings.flaggedByThisRun(), povertyWarnings.exportedThisMonth()));
        s.append(String.format("Fraud (the original seven patterns): %,d bills planted %s, %,d flagged with their kinds; precision %s%%,"
                        + " recall %s%%, missed %s; claims flagged by kind %s (%,d findings)%n",
                fraud.plantedBills(), fraud.plantedByPattern(), fraud.flaggedBills(), fraud.precisionPercent(),
                fraud.recallPercent(), fraud.missedByPattern(), fraud.flaggedByRule(), fraud.findings()));
        s.append("  per pattern (recall: improper claims flagged with the pattern's kind; precision: of that kind):")
                .append(System.lineSeparator());
        for (PatternFigures f : fraud.byPattern()) {
            s.append(String.format("    %-30s %-24s %4d improper (+%d accompanying): %4d flagged, %d blocked at the pre-check;"
                            + " recall %7s%%, precision of the kind %7s%%; other kinds on its claims %s%n", f.pattern(), f.kind(), f.improper(),
                    f.accompanying(), f.flagged(), f.blockedAtPreCheck(), f.recallPercent(), f.kindPrecisionPercent(),
                    f.otherKindsOnItsClaims()));
        }
        s.append("  per kind (precision: flagged claims planted with a pattern of that kind):").append(System.lineSeparator());
        for (KindFigures k : fraud.byKind()) {
            s.append(String.format("    %-24s %5d flagged: %5d on its patterns, %4d on other patterns, %4d on look-alikes, %5d on honest"
                    + " bills; precision %7s%%%n", k.kind(), k.flagged(), k.onItsPatterns(), k.onOtherPatterns(), k.onLookAlikes(),
                    k.onHonestBills(), k.precisionPercent()));
        }
        s.append("  clean look-alikes (every flag a false positive):").append(System.lineSeparator());
        for (LookAlikeFigures t : fraud.lookAlikes()) {
            s.append(String.format("    %-26s like %-45s %4d claims, %4d flagged %s, %d blocked at the pre-check%n", t.lookAlike(),
                    t.resembles(), t.claims(), t.flagged(), t.flaggedByKind(), t.blockedAtPreCheck()));
        }
        fraud.notPlanted().forEach(n -> s.append("  not planted: ").append(n).append(System.lineSeparator()));
        for (Vbp v : vbp) {
            s.append(String.format("VBP %-20s %s agreed %s consumed %s (%s%%), purchased %s, saved %s%n", v.batch(), v.itemCode(),
                    v.agreed(), v.consumed(), v.completionPercent(), v.purchased(), v.savings()));
        }
        s.append(String.format("Catalog: %s imported in %.1f s %s; %,d institutions mapped (%,d submitted, %,d unchanged, %,d approved)%n",
                catalog.source(), catalog.importSeconds(), catalog.imports(), catalog.mappings().institutions(),
                catalog.mappings().submitted(), catalog.mappings().unchanged(), catalog.mappings().approved()));
        CatalogLines lines = catalog.lines();
        s.append(String.format("  lines %,d: %,d from the synthetic catalog %s (%,d at their own ratio), %,d self-paid for a condition,"
                        + " %,d with the institution's own code; not in the catalog: %,d for a missing code %s, %,d as planned%n",
                lines.lines(), lines.fromSyntheticCatalog(), lines.syntheticByClass(), lines.atOwnRatio(), lines.selfPaidForACondition(),
                lines.withOwnCode(), lines.notInCatalogForMissingCode(), lines.sampleMissing(), lines.notInCatalogAsPlanned()));
        s.append(String.format("Own calculation: %,d of %,d settled bills checked against the simulator's own calculation from the"
                        + " pack (%s%%), %,d differ (%,d persons) %s; not checked %s%n", ownCalculation.checked(), ownCalculation.bills(),
                ownCalculation.checkedSharePercent(), ownCalculation.differing(), ownCalculation.personsDiffering(),
                ownCalculation.differingByLayers(), ownCalculation.notCheckedByReason()));
        ownCalculation.checkedBillsByRule().forEach((rule, n) -> s.append(String.format("  %,8d checked bills with %s%n", n, rule)));
        for (Difference d : ownCalculation.firstDifferences()) {
            s.append(String.format("  %s (%s) %s %s at %s, %s; lines %s; year before: %s; %s%n    expected %s%n    platform %s%n"
                            + "    differ in %s%n", d.messageId(), d.channel(), d.date(), d.visitType(), d.institution(), d.person(),
                    d.lines(), d.yearToDateBefore(), d.pack(), d.expectedOtherwise() != null ? d.expectedOtherwise() : d.expected(),
                    d.platform(), d.layersDiffering()));
        }
        s.append(String.format("Accounts (%s, months posted ahead %s): %,d holders credited %s; %,d bills asked the account (%,d a bound"
                        + " member's), %,d accounts paid %s (%s for members); closing balances %s; bindings %s; %,d accounts not predicted%n",
                accounts.rates(), accounts.monthsPosted(), accounts.holders(), accounts.credited(), accounts.billsAsking(),
                accounts.billsAskingForMembers(), accounts.accountsPaying(), accounts.paid(), accounts.paidForMembers(),
                accounts.closingBalances(), accounts.bindings(), accounts.unknownAccounts()));
        s.append(String.format("Maternity: %,d pregnancies %s; %,d prenatal visits paid %s, %,d deliveries paid %s (fixed payments);"
                        + " %,d allowances expected %s, granted %s; refused %s%n", maternity.pregnancies(), maternity.deliveriesByKind(),
                maternity.prenatalVisits(), maternity.prenatalPaid(), maternity.deliveries(), maternity.deliveryFixedPayments(),
                maternity.allowances(), maternity.allowancesExpected(), maternity.allowancesGranted(), maternity.refusals()));
        s.append(String.format("Long-term care (%s, months %s): assessed %s, decided %s, beneficiaries %s; payments %s, fund %s, standard"
                        + " %s (care-service answered %s); refused %s%n", care.policy(), care.monthsPaid(), care.assessmentsByLevel(),
                care.decisions(), care.beneficiariesByLevel(), care.paymentsBySetting(), care.fundPaidBySetting(),
                care.standardAmountBySetting(), care.answeredBySetting(), care.refusals()));
        s.append("Events:").append(System.lineSeparator());
        for (EventCounts.TopicFlow t : events) {
            s.append(String.format("  %-28s published %,8d processed %s lag %s dead letters %d %s%n", t.topic(), t.published(),
                    t.processedByGroup(), t.lagByGroup(), t.deadLettered(), t.balanced() ? "ok" : "NOT BALANCED"));
        }
        s.append("Latency (ms):").append(System.lineSeparator());
        latencyMillis.forEach((api, l) -> s.append(String.format("  %-62s %,9d calls p50 %8.2f p90 %8.2f p99 %8.2f max %8.2f%n",
                api, l.calls(), l.p50(), l.p90(), l.p99(), l.max())));
        s.append("Books:").append(System.lineSeparator());
        for (Check c : books.checks()) {
            s.append(String.format("  [%s] %s: ledger %s, platform %s%n", c.ok() ? "ok" : "FAIL", c.name(), c.expected(), c.actual()));
        }
        s.append(books.balanced() ? "THE BOOKS BALANCE and no event was lost." : "THE BOOKS DO NOT BALANCE.")
                .append(System.lineSeparator());
        return s.toString();
    }
}
