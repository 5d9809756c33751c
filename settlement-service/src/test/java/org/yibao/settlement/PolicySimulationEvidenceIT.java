package org.yibao.settlement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.contracts.events.CertificationChanged;
import org.yibao.contracts.events.CertificationStatus;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.FilingRegistered;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Black-box evidence for issue 28, capability 1 (政策测算, replay under a candidate pack), written from the seeds'
 * published rules (../shared/seeds, POLICY-FACTS.md), the shipped policy packs and the national definitions of the
 * ratios, not from the implementation:
 * <ul>
 *     <li>政策范围内报销比例 (policy-scope reimbursement ratio) = funds paid (basic + catastrophic + supplementary +
 *     assistance) / policy-scope costs;</li>
 *     <li>实际报销比例 (actual ratio) = funds paid / total costs.</li>
 * </ul>
 * All bills are dated in the previous calendar year (so the test holds on any day) and belong to districts and
 * persons no other test uses: Jiangjin (500116) employees born 1966-06-06, Hohhot 玉泉区 150104, 回民区 150103 and
 * 土默特左旗 150121 residents. The Hohhot candidates name the district as their region (a district is paid under its
 * city's pack; a candidate "applies to persons whose region lies in its region.code"), so that their results hold
 * only this test's bills.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicySimulationEvidenceIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger(700);
    private static final int YR = LocalDate.now().getYear() - 1;
    private static final String SIMULATIONS = "/api/settlement/policy-simulations";
    private static final String JIANGJIN = "H50011600071";       // Jiangjin, level 2
    private static final String YUQUAN = "H15010400071";         // Hohhot 玉泉区, level 2
    private static final String HUIMIN = "H15010300071";         // Hohhot 回民区, level 2
    private static final String TUMOTE = "H15012100071";         // Hohhot 土默特左旗, level 2
    private static final List<String> LAYERS = List.of("total", "fullSelfPay", "priorSelfPay", "policyScope", "deductible",
            "basicFund", "catastrophic", "supplementary", "assistance", "fundsPaid", "personalAccount", "cash");

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;
    private EventPublisher events;

    @BeforeAll
    void institutionsExist() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.AUDITOR);
        events = new EventPublisher(json);
        events.publish(new InstitutionStatusChanged(JIANGJIN, "重庆市江津区中医院", "500116", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_2, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        events.publish(new InstitutionStatusChanged(YUQUAN, "玉泉区某医院", "150104", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_2, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        events.publish(new InstitutionStatusChanged(HUIMIN, "回民区某医院", "150103", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_2, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        events.publish(new InstitutionStatusChanged(TUMOTE, "土默特左旗某医院", "150121", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_2, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(distinct code) from institution_period where code in (?, ?, ?, ?)", Integer.class,
                JIANGJIN, YUQUAN, HUIMIN, TUMOTE) == 4);
    }

    @AfterAll
    void closeClients() {
        events.close();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Case 1: Jiangjin 2023 (seeds/000): "某单位职工 ... 看病花了464.9元,经门诊报销271.4元后,个人仅需支付193.5元".
    // ------------------------------------------------------------------------------------------------------------

    /**
     * An active, employer-enrolled Jiangjin employee (门诊共济: deductible 200 a year, level 2 and below 60%, limit 3,000).
     * Bill 1 (Feb 10, before the period): 200.00 of class A care uses up the year's deductible; fund 0.
     * Bill 2 (Mar 10, in the period Mar 9 - Mar 13), the seed's example: 464.90 in all, of which 12.57 class C
     * (full self-pay) and 452.33 policy scope; deductible 0 (used by bill 1); fund 60% x 452.33 = 271.398 -> 271.40;
     * the person pays 464.90 - 271.40 = 193.50 — the seed's three numbers.
     * Unchanged pack: every layer's difference is 0.00 (only if bill 1 is replayed first: without it the deductible
     * would take 200 of bill 2 and the fund would be 60% x 252.33 = 151.40).
     * Candidate with the active level-2 ratio raised 60% -> 70%: fund 70% x 452.33 = 316.631 -> 316.63, difference
     * +45.23; cash 193.50 -> 148.27.
     * Ratios of the period (bill 2): settled 271.40 / 452.33 = 59.9999% -> 60.00 (policy scope), 271.40 / 464.90 =
     * 58.378% -> 58.38 (overall); replayed 316.63 / 452.33 = 69.9998% -> 70.00, 316.63 / 464.90 = 68.107% -> 68.11.
     */
    @Test
    void jiangjinsPublishedOutpatientExampleReplaysToTheFenAndARaisedRatioAddsTheHandComputedAmount() {
        String person = person("500116", "19660606");
        enroll(person, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER);
        JsonNode first = settle(JIANGJIN, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 2, 10), "M51.2",
                classA(new BigDecimal("200.00")));
        assertThat(first.at("/amounts/deductible").asString()).isEqualTo("200.00");
        assertThat(first.at("/amounts/basicFund").asString()).isEqualTo("0.00");
        JsonNode example = settle(JIANGJIN, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 3, 10), "M51.2", """
                [{"itemCode":"S311201001","quantity":1,"unitPrice":"400.00"},
                 {"itemCode":"S250101001","quantity":2,"unitPrice":"20.00"},
                 {"itemCode":"S110200001","quantity":1,"unitPrice":"10.00"},
                 {"itemCode":"C0203020000000000000020","quantity":1,"unitPrice":"2.33"},
                 {"itemCode":"XL04AXS001A001010100018","quantity":1,"unitPrice":"12.57"}]""");
        // the real adjudicator agrees with the seed's example (this test's arithmetic, checked against the platform)
        assertThat(example.at("/policyPack").asString()).startsWith("jiangjin-2023-employee@");
        assertThat(example.at("/amounts/total").asString()).isEqualTo("464.90");
        assertThat(example.at("/amounts/fullSelfPay").asString()).isEqualTo("12.57");
        assertThat(example.at("/amounts/policyScope").asString()).isEqualTo("452.33");
        assertThat(example.at("/amounts/deductible").asString()).isEqualTo("0.00");
        assertThat(example.at("/amounts/basicFund").asString()).isEqualTo("271.40");
        assertThat(example.at("/amounts/cash").asString()).isEqualTo("193.50");

        String shipped = shippedPack("jiangjin-2023-employee");
        String period = "&from=" + LocalDate.of(YR, 3, 9) + "&to=" + LocalDate.of(YR, 3, 13);

        JsonNode unchanged = result(simulate(shipped, "year=" + YR + period));
        assertThat(unchanged.at("/billsInPeriod").asLong()).isEqualTo(1);
        assertThat(unchanged.at("/bills").asLong()).as("bill 1 is replayed for the accumulators").isGreaterThanOrEqualTo(2);
        JsonNode all = group(unchanged, "ALL", null);
        assertLayers(all, "settled", Map.of("total", "464.90", "fullSelfPay", "12.57", "policyScope", "452.33",
                "deductible", "0.00", "basicFund", "271.40", "fundsPaid", "271.40", "cash", "193.50"));
        assertAllDifferencesZero(unchanged);
        assertRatio(all, "settledRatios/policyScope", "60.00");
        assertRatio(all, "settledRatios/overall", "58.38");
        assertRatio(all, "replayedRatios/policyScope", "60.00");

        String raised = replaceOnce(shipped, "EMPLOYEE_ACTIVE: { COMMUNITY: 0.60, LEVEL_1: 0.60, LEVEL_2: 0.60, LEVEL_3: 0.50 }",
                "EMPLOYEE_ACTIVE: { COMMUNITY: 0.60, LEVEL_1: 0.60, LEVEL_2: 0.70, LEVEL_3: 0.50 }");
        JsonNode candidate = result(simulate(raised, "year=" + YR + period));
        JsonNode c = group(candidate, "ALL", null);
        assertLayers(c, "settled", Map.of("basicFund", "271.40", "cash", "193.50"));
        assertLayers(c, "replayed", Map.of("total", "464.90", "policyScope", "452.33", "deductible", "0.00",
                "basicFund", "316.63", "fundsPaid", "316.63", "cash", "148.27"));
        assertLayers(c, "difference", Map.of("total", "0.00", "deductible", "0.00", "basicFund", "45.23", "fundsPaid", "45.23",
                "cash", "-45.23"));
        assertRatio(c, "replayedRatios/policyScope", "70.00");
        assertRatio(c, "replayedRatios/overall", "68.11");
        assertLayers(group(candidate, "VISIT_TYPE", "GENERAL_OUTPATIENT"), "difference", Map.of("basicFund", "45.23"));
        assertLayers(group(candidate, "INSTITUTION_LEVEL", "LEVEL_2"), "difference", Map.of("basicFund", "45.23"));
        assertLayers(group(candidate, "SCHEME", "EMPLOYEE"), "difference", Map.of("basicFund", "45.23"));
        JsonNode falls = candidate.at("/cashFallsMost/0");
        assertThat(money(falls, "settledCash")).isEqualByComparingTo("193.50");
        assertThat(money(falls, "replayedCash")).isEqualByComparingTo("148.27");
        assertThat(money(falls, "difference")).isEqualByComparingTo("-45.23");
        assertThat(falls.toString()).as("a masked id").doesNotContain(person);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Case 2: Hohhot 2022 (seeds/002): catastrophic tilt for 特困/低保 (threshold -50%, ratio +5 points, no cap) and
    // assistance (特困 100% of policy-scope self-pay; 低保 70%, the pack's assumption within the seed's 70-85%).
    // ------------------------------------------------------------------------------------------------------------

    /**
     * Three Hohhot (玉泉区) residents, each with one inpatient stay of 40,400.00 class A at level 2 (pack: deductible 400
     * per admission, 75%): basic fund 75% x 40,000 = 30,000.00, policy-scope self-pay 10,400.00.
     * <ul>
     * <li>P1 特困: catastrophic threshold 15,000 x 50% = 7,500; (10,400 - 7,500) x (60% + 5) = 1,885.00; assistance
     * 100% x (10,400 - 1,885) = 8,515.00; cash 0.00.</li>
     * <li>P2 低保: catastrophic 1,885.00; assistance 70% x 8,515 = 5,960.50; cash 2,554.50.</li>
     * <li>P3 no category: 10,400 below 15,000: catastrophic 0; cash 10,400.00.</li>
     * </ul>
     * Settled: total = policy scope 121,200.00; deductible 1,200.00; basic 90,000.00; catastrophic 3,770.00; assistance
     * 14,475.50; funds 108,245.50; cash 12,954.50. Ratios: 108,245.50 / 121,200 = 89.311% -> 89.31 (policy scope and
     * overall, no self-pay items); basic 90,000 / 121,200 = 74.257% -> 74.26.
     * <p>Candidate: no tilt for 特困 and 低保, 特困 assistance 90%. P1: catastrophic 0 (10,400 < 15,000), assistance
     * 90% x 10,400 = 9,360.00, cash 1,040.00. P2: catastrophic 0, assistance 70% x 10,400 = 7,280.00, cash 3,120.00.
     * P3 unchanged. Replayed: catastrophic 0; assistance 16,640.00; funds 106,640.00 (87.987% -> 87.99); cash 14,560.00.
     * Difference: catastrophic -3,770.00, assistance +2,164.50, funds -1,605.50, cash +1,605.50. Catastrophic persons
     * 2 -> 0; assisted persons 2 -> 2. Cash rises most for P1 (+1,040.00), then P2 (+565.50).
     */
    @Test
    void hohhotsTiltAndAssistanceEffectsAreTheHandComputation() {
        String p1 = person("150104", "19580808");
        String p2 = person("150104", "19580808");
        String p3 = person("150104", "19580808");
        for (String p : List.of(p1, p2, p3)) {
            enroll(p, "150104", Scheme.RESIDENT, PersonType.RESIDENT, null);
        }
        identity(p1, "150104", AssistanceCategory.EXTREME_POVERTY);
        identity(p2, "150104", AssistanceCategory.MINIMUM_LIVING);
        LocalDate stay = LocalDate.of(YR, 8, 4);
        JsonNode b1 = settle(YUQUAN, p1, "INPATIENT", stay, "N18.5", classA(new BigDecimal("40400.00")));
        JsonNode b2 = settle(YUQUAN, p2, "INPATIENT", stay, "N18.5", classA(new BigDecimal("40400.00")));
        JsonNode b3 = settle(YUQUAN, p3, "INPATIENT", stay, "N18.5", classA(new BigDecimal("40400.00")));
        assertThat(b1.at("/policyPack").asString()).startsWith("hohhot-2022-resident@");
        assertThat(b1.at("/amounts/basicFund").asString()).isEqualTo("30000.00");
        assertThat(b1.at("/amounts/catastrophic").asString()).isEqualTo("1885.00");
        assertThat(b1.at("/amounts/assistance").asString()).isEqualTo("8515.00");
        assertThat(b1.at("/amounts/cash").asString()).isEqualTo("0.00");
        assertThat(b2.at("/amounts/assistance").asString()).isEqualTo("5960.50");
        assertThat(b2.at("/amounts/cash").asString()).isEqualTo("2554.50");
        assertThat(b3.at("/amounts/catastrophic").asString()).isEqualTo("0.00");
        assertThat(b3.at("/amounts/cash").asString()).isEqualTo("10400.00");

        String district = inDistrict(shippedPack("hohhot-2022-resident"), "150104", "玉泉区");
        JsonNode unchanged = result(simulate(district, "year=" + YR));
        assertThat(unchanged.at("/bills").asLong()).isEqualTo(3);
        assertThat(unchanged.at("/billsInPeriod").asLong()).isEqualTo(3);
        assertThat(unchanged.at("/persons").asLong()).isEqualTo(3);
        assertAllDifferencesZero(unchanged);

        String candidateYaml = replaceOnce(replaceOnce(replaceOnce(district,
                        "    EXTREME_POVERTY: { thresholdFactor: 0.50, ratioBonus: 0.05, noCap: true }\n", ""),
                        "    MINIMUM_LIVING: { thresholdFactor: 0.50, ratioBonus: 0.05, noCap: true }\n", ""),
                "EXTREME_POVERTY: { ratio: 1.00, annualLimit: \"50000.00\" }", "EXTREME_POVERTY: { ratio: 0.90, annualLimit: \"50000.00\" }");
        JsonNode simulation = simulate(candidateYaml, "year=" + YR);
        JsonNode r = result(simulation);
        JsonNode all = group(r, "ALL", null);
        assertThat(all.at("/bills").asLong()).isEqualTo(3);
        assertThat(all.at("/persons").asLong()).isEqualTo(3);
        assertLayers(all, "settled", Map.ofEntries(Map.entry("total", "121200.00"), Map.entry("policyScope", "121200.00"),
                Map.entry("deductible", "1200.00"), Map.entry("basicFund", "90000.00"), Map.entry("catastrophic", "3770.00"),
                Map.entry("supplementary", "0.00"), Map.entry("assistance", "14475.50"), Map.entry("fundsPaid", "108245.50"),
                Map.entry("cash", "12954.50")));
        assertLayers(all, "replayed", Map.of("basicFund", "90000.00", "catastrophic", "0.00", "assistance", "16640.00",
                "fundsPaid", "106640.00", "cash", "14560.00"));
        assertLayers(all, "difference", Map.of("basicFund", "0.00", "catastrophic", "-3770.00", "assistance", "2164.50",
                "fundsPaid", "-1605.50", "cash", "1605.50"));
        assertRatio(all, "settledRatios/policyScope", "89.31");
        assertRatio(all, "settledRatios/overall", "89.31");
        assertRatio(all, "settledRatios/basicPolicyScope", "74.26");
        assertRatio(all, "replayedRatios/policyScope", "87.99");
        assertThat(all.at("/catastrophicPersons/settled").asLong()).isEqualTo(2);
        assertThat(all.at("/catastrophicPersons/replayed").asLong()).isZero();
        assertThat(all.at("/assistedPersons/settled").asLong()).isEqualTo(2);
        assertThat(all.at("/assistedPersons/replayed").asLong()).isEqualTo(2);
        JsonNode tekun = group(r, "ASSISTANCE_CATEGORY", "EXTREME_POVERTY");
        assertLayers(tekun, "settled", Map.of("catastrophic", "1885.00", "assistance", "8515.00", "cash", "0.00"));
        assertLayers(tekun, "replayed", Map.of("catastrophic", "0.00", "assistance", "9360.00", "cash", "1040.00"));
        JsonNode dibao = group(r, "ASSISTANCE_CATEGORY", "MINIMUM_LIVING");
        assertLayers(dibao, "replayed", Map.of("catastrophic", "0.00", "assistance", "7280.00", "cash", "3120.00"));
        assertThat(money(r.at("/cashRisesMost/0"), "difference")).isEqualByComparingTo("1040.00");
        assertThat(money(r.at("/cashRisesMost/0"), "settledCash")).isEqualByComparingTo("0.00");
        assertThat(money(r.at("/cashRisesMost/1"), "difference")).isEqualByComparingTo("565.50");
        for (JsonNode fall : r.at("/cashFallsMost")) {
            assertThat(money(fall, "difference")).as("nobody's cash falls here: " + fall).isNotPositive();
        }
        assertThat(r.toString()).doesNotContain(p1).doesNotContain(p2).doesNotContain(p3);

        String id = simulation.at("/id").asString();
        HttpResponse<String> report = manager().get(SIMULATIONS + "/" + id + "/report.csv");
        HttpResponse<String> persons = manager().get(SIMULATIONS + "/" + id + "/persons.csv");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("ASSISTANCE_CATEGORY").contains("2164.50");
        assertThat(persons.statusCode()).as(persons.body()).isEqualTo(200);
        assertThat(persons.body()).contains("1040.00").doesNotContain(p1).doesNotContain(p2).doesNotContain(p3);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Case 3: Hohhot 2022 general outpatient pooling at level 2: above 500 a year at 60%, annual limit 2,400.
    // ------------------------------------------------------------------------------------------------------------

    /**
     * One Hohhot (回民区) resident, five general-outpatient bills of class A care at level 2 over the year.
     * Shipped pack (deductible 500 a year, 60%, limit 2,400; accumulators carry across bills):
     * <pre>
     *   bill  date    total     deductible  fund (cumulative)              cash
     *   B1    Feb 3     300.00   300.00        0.00                           300.00
     *   B2    Mar 3   1,000.00   200.00      480.00 (60% x 800;   480)        520.00
     *   B3    Apr 3   3,000.00     0.00    1,800.00 (2,280)                 1,200.00
     *   B4    May 4   1,000.00     0.00      120.00 (min 600, 2,400-2,280)    880.00
     *   B5    Jun 2     500.00     0.00        0.00 (limit reached)           500.00
     * </pre>
     * Candidate: level-2 deductible 200:
     * <pre>
     *   B1    ded 200.00, fund 60% x 100 =    60.00 (60)       cash   240.00
     *   B2    ded   0.00, fund 60% x 1,000 = 600.00 (660)      cash   400.00
     *   B3    fund min(1,800, 2,400-660) =  1,740.00 (2,400)    cash 1,260.00
     *   B4    0.00                                             cash 1,000.00
     *   B5    0.00                                             cash   500.00
     * </pre>
     * Year: deductible 500 -> 200 (-300), fund 2,400 -> 2,400 (0: the limit binds), cash 3,400 -> 3,400.
     * Period Feb 1 - Mar 31 (B1, B2): fund 480 -> 660 (+180), cash 820 -> 640 (-180), deductible 500 -> 200.
     * Period Apr 1 - Jun 30 (B3-B5): fund 1,920 -> 1,740 (-180), cash 2,580 -> 2,760 (+180) — only right when B1 and B2
     * are replayed first.
     * Policy-scope ratio of the year (settled): 2,400 / 5,800 = 41.379% -> 41.38.
     * The replay changes no real bill, accumulator or event.
     */
    @Test
    void aLowerDeductibleIsReplayedBillByBillWithTheYearsDeductibleAndLimitCarriedAcross() {
        String person = person("150103", "19620303");
        enroll(person, "150103", Scheme.RESIDENT, PersonType.RESIDENT, null);
        String[][] bills = {{"2", "3", "300.00"}, {"3", "3", "1000.00"}, {"4", "3", "3000.00"}, {"5", "4", "1000.00"},
                {"6", "2", "500.00"}};
        String[] expectedFund = {"0.00", "480.00", "1800.00", "120.00", "0.00"};
        for (int i = 0; i < bills.length; i++) {
            JsonNode bill = settle(HUIMIN, person, "GENERAL_OUTPATIENT",
                    LocalDate.of(YR, Integer.parseInt(bills[i][0]), Integer.parseInt(bills[i][1])), "J06.9",
                    classA(new BigDecimal(bills[i][2])));
            assertThat(bill.at("/amounts/basicFund").asString()).as("B" + (i + 1)).isEqualTo(expectedFund[i]);
        }
        String realBills = fingerprint("select coalesce(string_agg(s::text, '|' order by s.id), '') from settlement s where person_id = ?", person);
        String realAccumulators = fingerprint("select coalesce(string_agg(a::text, '|'), '') from accumulator a where person_id = ?", person);
        String accumulatorsApi = api.as(TestCallers.AUDITOR).get("/api/settlement/persons/" + person + "/accumulators?year=" + YR).body();
        long realEvents = jdbc.queryForObject("select count(*) from outbox_event where envelope like ?", Long.class, "%" + person + "%");

        String district = inDistrict(shippedPack("hohhot-2022-resident"), "150103", "回民区");
        JsonNode unchanged = result(simulate(district, "year=" + YR));
        assertThat(unchanged.at("/billsInPeriod").asLong()).isEqualTo(5);
        assertAllDifferencesZero(unchanged);
        JsonNode u = group(unchanged, "ALL", null);
        assertLayers(u, "settled", Map.of("total", "5800.00", "deductible", "500.00", "basicFund", "2400.00", "cash", "3400.00"));
        assertRatio(u, "settledRatios/policyScope", "41.38");
        assertRatio(u, "settledRatios/overall", "41.38");

        String lower = replaceOnce(district, "deductible: { COMMUNITY: \"200.00\", LEVEL_1: \"200.00\", LEVEL_2: \"500.00\", LEVEL_3: \"1000.00\" }",
                "deductible: { COMMUNITY: \"200.00\", LEVEL_1: \"200.00\", LEVEL_2: \"200.00\", LEVEL_3: \"1000.00\" }");
        JsonNode year = group(result(simulate(lower, "year=" + YR)), "ALL", null);
        assertLayers(year, "replayed", Map.of("total", "5800.00", "deductible", "200.00", "basicFund", "2400.00", "cash", "3400.00"));
        assertLayers(year, "difference", Map.of("deductible", "-300.00", "basicFund", "0.00", "cash", "0.00"));

        JsonNode spring = result(simulate(lower, "year=" + YR + "&from=" + LocalDate.of(YR, 2, 1) + "&to=" + LocalDate.of(YR, 3, 31)));
        assertThat(spring.at("/billsInPeriod").asLong()).isEqualTo(2);
        JsonNode s = group(spring, "ALL", null);
        assertLayers(s, "settled", Map.of("total", "1300.00", "deductible", "500.00", "basicFund", "480.00", "cash", "820.00"));
        assertLayers(s, "replayed", Map.of("deductible", "200.00", "basicFund", "660.00", "cash", "640.00"));
        assertLayers(s, "difference", Map.of("deductible", "-300.00", "basicFund", "180.00", "cash", "-180.00"));

        JsonNode later = result(simulate(lower, "year=" + YR + "&from=" + LocalDate.of(YR, 4, 1) + "&to=" + LocalDate.of(YR, 6, 30)));
        assertThat(later.at("/billsInPeriod").asLong()).isEqualTo(3);
        assertThat(later.at("/bills").asLong()).as("the earlier bills of the person's year are replayed too").isEqualTo(5);
        JsonNode l = group(later, "ALL", null);
        assertLayers(l, "settled", Map.of("total", "4500.00", "deductible", "0.00", "basicFund", "1920.00", "cash", "2580.00"));
        assertLayers(l, "replayed", Map.of("deductible", "0.00", "basicFund", "1740.00", "cash", "2760.00"));
        assertLayers(l, "difference", Map.of("basicFund", "-180.00", "cash", "180.00"));

        // nothing real changed
        assertThat(fingerprint("select coalesce(string_agg(s::text, '|' order by s.id), '') from settlement s where person_id = ?", person))
                .isEqualTo(realBills);
        assertThat(fingerprint("select coalesce(string_agg(a::text, '|'), '') from accumulator a where person_id = ?", person))
                .isEqualTo(realAccumulators);
        assertThat(api.as(TestCallers.AUDITOR).get("/api/settlement/persons/" + person + "/accumulators?year=" + YR).body()).isEqualTo(accumulatorsApi);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where envelope like ?", Long.class, "%" + person + "%"))
                .isEqualTo(realEvents);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Case 4: a reversal in the middle of a person's year.
    // ------------------------------------------------------------------------------------------------------------

    /**
     * One Hohhot (土默特左旗) resident, general outpatient at level 2 (500 a year, 60%, limit 2,400):
     * R1 Feb 2 800.00: deductible 500, fund 180.00 (180). R2 Mar 2 1,000.00: fund 600.00 (780) — then reversed (the
     * accumulators back to 180). R3 Apr 1 1,000.00: fund 600.00 (780). R4 May 4 3,000.00: fund min(1,800, 2,400 - 780)
     * = 1,620.00 (2,400). Not reversed: total 4,800.00, deductible 500.00, fund 2,400.00, cash 2,400.00; 3 bills in the
     * period, 4 replayed.
     * Unchanged pack: difference 0 (had R2 been counted, R3 would be 600 with 1,380 used and R4 min(1,800, 1,020)...).
     * Candidate with the limit raised to 3,000: R1 180, R3 600 (780), R4 min(1,800, 2,220) = 1,800: fund 2,580.00,
     * difference +180.00, cash 2,220.00 (had R2 been counted: R4 min(1,800, 3,000 - 1,380) = 1,620, difference 0).
     */
    @Test
    void aReversedBillIsLeftOutAndTheLaterBillsAreReplayedAsTheRealOnesWere() {
        String person = person("150121", "19550505");
        enroll(person, "150121", Scheme.RESIDENT, PersonType.RESIDENT, null);
        JsonNode r1 = settle(TUMOTE, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 2, 2), "J06.9", classA(new BigDecimal("800.00")));
        JsonNode r2 = settle(TUMOTE, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 3, 2), "J06.9", classA(new BigDecimal("1000.00")));
        assertThat(r1.at("/amounts/basicFund").asString()).isEqualTo("180.00");
        assertThat(r2.at("/amounts/basicFund").asString()).isEqualTo("600.00");
        HttpResponse<String> reversal = api.as(TestCallers.his(TUMOTE)).post("/api/settlement/settlements/" + r2.at("/id").asString()
                + "/reversal", "{\"reason\":\"billed in error\"}");
        assertThat(reversal.statusCode()).as(reversal.body()).isEqualTo(200);
        JsonNode r3 = settle(TUMOTE, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 4, 1), "J06.9", classA(new BigDecimal("1000.00")));
        JsonNode r4 = settle(TUMOTE, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 5, 4), "J06.9", classA(new BigDecimal("3000.00")));
        assertThat(r3.at("/amounts/basicFund").asString()).isEqualTo("600.00");
        assertThat(r4.at("/amounts/basicFund").asString()).isEqualTo("1620.00");

        String district = inDistrict(shippedPack("hohhot-2022-resident"), "150121", "土默特左旗");
        JsonNode unchanged = result(simulate(district, "year=" + YR));
        assertThat(unchanged.at("/billsInPeriod").asLong()).isEqualTo(3);
        assertThat(unchanged.at("/bills").asLong()).isEqualTo(4);
        assertAllDifferencesZero(unchanged);
        assertLayers(group(unchanged, "ALL", null), "settled",
                Map.of("total", "4800.00", "deductible", "500.00", "basicFund", "2400.00", "cash", "2400.00"));

        String wider = replaceOnce(district, "annualCap: \"2400.00\"", "annualCap: \"3000.00\"");
        JsonNode all = group(result(simulate(wider, "year=" + YR)), "ALL", null);
        assertLayers(all, "replayed", Map.of("total", "4800.00", "basicFund", "2580.00", "cash", "2220.00"));
        assertLayers(all, "difference", Map.of("basicFund", "180.00", "cash", "-180.00"));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Case 4b: the facts of each bill's service date, and the order bills were settled in.
    // ------------------------------------------------------------------------------------------------------------

    /**
     * One Hohhot (托克托县, 150122) resident whose facts change over the year: 特困 from Jul 1 only, a chronic
     * certification (I10) for pharmacy purchases (双通道, the pack requires it), a remote-treatment filing to Beijing.
     * Bills in the order settled:
     * <pre>
     *   Q1 settled 1st, dated Jun 1, general outpatient 1,000 at level 2: deductible 500, fund 60% x 500 = 300, cash 700
     *      (no category yet: no assistance)
     *   Q2 settled 2nd, dated Feb 1 (a late bill), general outpatient 1,000: deductible 0 (used by Q1), fund 600, cash 400
     *   Q3 dated Mar 3, pharmacy, 100 x 0.30 amlodipine (certified I10): no deductible, 60%: fund 18.00, cash 12.00
     *   Q4 dated Aug 5, inpatient in Beijing (level 3, filed: no cut): deductible 700, fund 60% x 10,000 = 6,000;
     *      self-pay 4,700, cumulative 700 + 400 + 12 + 4,700 = 5,812 below the tilted threshold 7,500: catastrophic 0;
     *      特困 since Jul 1: assistance 100% x 4,700 = 4,700; cash 0
     * </pre>
     * Totals: 12,730.00; deductible 1,200.00; basic 6,918.00; assistance 4,700.00; cash 1,112.00. Replayed under the
     * unchanged rules: difference 0 and no refusal — only if the replay uses each bill's own service-date facts
     * (category, certification, filing) and the settled order. The period Feb 1 - Feb 28 holds Q2 alone: fund 600.00
     * (replaying by service date instead would give Q2 the deductible: 300.00).
     */
    @Test
    void eachBillIsReplayedWithItsServiceDatesFactsAndInTheOrderSettled() {
        String local = "H15012200071";
        String pharmacy = "P15012200071";
        String beijing = "H11010500071";
        events.publish(new InstitutionStatusChanged(local, "托克托县某医院", "150122", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_2, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        events.publish(new InstitutionStatusChanged(pharmacy, "托克托县某药房", "150122", InstitutionKind.PHARMACY,
                InstitutionLevel.UNGRADED, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        events.publish(new InstitutionStatusChanged(beijing, "北京某三甲医院", "110105", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_3, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        String person = person("150122", "19600202");
        enroll(person, "150122", Scheme.RESIDENT, PersonType.RESIDENT, null);
        events.publish(new AssistanceIdentityChanged(person, "150122", null, AssistanceCategory.EXTREME_POVERTY,
                LocalDate.of(YR, 7, 1), null, List.of("civil-affairs"), Instant.now()));
        events.publish(new CertificationChanged("C-" + person, person, "150122", "I10", "高血压", CertificationStatus.APPROVED,
                LocalDate.of(YR, 1, 1), null, Instant.now()));
        events.publish(new FilingRegistered("F-" + person, person, "150122", "110000", "异地长期居住", LocalDate.of(YR, 1, 1),
                null, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(distinct code) from institution_period where code in (?, ?, ?)", Integer.class, local, pharmacy, beijing) == 3
                && jdbc.queryForObject("select count(*) from assistance_identity_period where person_id = ?", Integer.class, person) == 1
                && jdbc.queryForObject("select count(*) from certification where person_id = ?", Integer.class, person) == 1
                && jdbc.queryForObject("select count(*) from remote_filing where person_id = ?", Integer.class, person) == 1);

        JsonNode q1 = settle(local, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 6, 1), "J06.9", classA(new BigDecimal("1000.00")));
        JsonNode q2 = settle(local, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 2, 1), "J06.9", classA(new BigDecimal("1000.00")));
        String drug = """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"PHARMACY","serviceDate":"%s",
                 "diagnosisCodes":["I10"],"lines":[{"itemCode":"XC08CAA001A001010100001","quantity":100,"unitPrice":"0.30"}]}"""
                .formatted(UUID.randomUUID(), person, pharmacy, LocalDate.of(YR, 3, 3));
        HttpResponse<String> q3r = api.as(TestCallers.pharmacy(pharmacy)).post("/api/settlement/settlements", drug);
        assertThat(q3r.statusCode()).as(q3r.body()).isEqualTo(201);
        JsonNode q3 = json.readTree(q3r.body());
        JsonNode q4 = settle(beijing, person, "INPATIENT", LocalDate.of(YR, 8, 5), "N18.5", classA(new BigDecimal("10700.00")));
        assertThat(q1.at("/amounts/basicFund").asString()).isEqualTo("300.00");
        assertThat(q1.at("/amounts/assistance").asString()).isEqualTo("0.00");
        assertThat(q2.at("/amounts/basicFund").asString()).isEqualTo("600.00");
        assertThat(q3.at("/amounts/basicFund").asString()).isEqualTo("18.00");
        assertThat(q4.at("/place").asString()).isEqualTo("REMOTE_FILED");
        assertThat(q4.at("/amounts/basicFund").asString()).isEqualTo("6000.00");
        assertThat(q4.at("/amounts/catastrophic").asString()).isEqualTo("0.00");
        assertThat(q4.at("/amounts/assistance").asString()).isEqualTo("4700.00");

        String district = inDistrict(shippedPack("hohhot-2022-resident"), "150122", "托克托县");
        JsonNode unchanged = result(simulate(district, "year=" + YR));
        assertThat(unchanged.at("/refusals").size()).as("refusals: " + unchanged.at("/refusals")).isZero();
        assertThat(unchanged.at("/billsInPeriod").asLong()).isEqualTo(4);
        assertAllDifferencesZero(unchanged);
        JsonNode all = group(unchanged, "ALL", null);
        assertLayers(all, "settled", Map.of("total", "12730.00", "deductible", "1200.00", "basicFund", "6918.00",
                "assistance", "4700.00", "cash", "1112.00"));
        assertThat(all.at("/assistedPersons/replayed").asLong()).isEqualTo(1);

        JsonNode february = result(simulate(district, "year=" + YR + "&from=" + LocalDate.of(YR, 2, 1) + "&to=" + LocalDate.of(YR, 2, 28)));
        assertThat(february.at("/billsInPeriod").asLong()).isEqualTo(1);
        assertLayers(group(february, "ALL", null), "replayed", Map.of("deductible", "0.00", "basicFund", "600.00", "cash", "400.00"));
    }

    /**
     * A Jiangjin employee who retires on Jul 1 (an enrollment change): Apr 7, active, 1,000 at level 2: deductible 200,
     * 60% x 800 = 480.00; Sep 7, retired (deductible 100 a year, already used; 70%; limit 4,000): 70% x 1,000 = 700.00.
     * Unchanged pack over Apr 1 - Sep 30: fund 1,180.00, difference 0 (replaying both as retired would give
     * 70% x 900 = 630 + 700; both as active 480 + 600).
     */
    @Test
    void aPersonTypeChangeMidYearIsReplayedOnEachBillsDate() {
        String person = person("500116", "19660606");
        enroll(person, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER);
        events.publish(new PersonEnrolled(person, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED, EmploymentTier.EMPLOYER, YR,
                LocalDate.of(YR, 7, 1), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from enrollment_period where person_id = ? and year = ?", Integer.class, person, YR) == 2);
        JsonNode active = settle(JIANGJIN, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 4, 7), "M51.2", classA(new BigDecimal("1000.00")));
        JsonNode retired = settle(JIANGJIN, person, "GENERAL_OUTPATIENT", LocalDate.of(YR, 9, 7), "M51.2", classA(new BigDecimal("1000.00")));
        assertThat(active.at("/amounts/basicFund").asString()).isEqualTo("480.00");
        assertThat(retired.at("/amounts/basicFund").asString()).isEqualTo("700.00");

        JsonNode r = result(simulate(shippedPack("jiangjin-2023-employee"),
                "year=" + YR + "&from=" + LocalDate.of(YR, 4, 1) + "&to=" + LocalDate.of(YR, 9, 30)));
        assertThat(r.at("/billsInPeriod").asLong()).isEqualTo(2);
        assertAllDifferencesZero(r);
        assertLayers(group(r, "ALL", null), "replayed", Map.of("total", "2000.00", "basicFund", "1180.00", "cash", "820.00"));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Case 5: field-proofing.
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void badRequestsAreRefusedNamingTheFieldAndNothingIsQueued() {
        String shipped = shippedPack("jiangjin-2023-employee");
        int before = listed();
        String year = "year=" + YR;
        Map<String[], String> cases = new LinkedHashMap<>();
        cases.put(new String[]{year, "id: [jiangjin\nscheme: {{{\n  - : :"}, "pack");
        cases.put(new String[]{year, replaceOnce(shipped, "LEVEL_2: 0.60, LEVEL_3: 0.50 }", "LEVEL_2: 1.5, LEVEL_3: 0.50 }")},
                "pack.visits.GENERAL_OUTPATIENT.ratio");
        cases.put(new String[]{year, replaceOnce(shipped, "scheme: EMPLOYEE\n", "")}, "pack.scheme");
        cases.put(new String[]{year, replaceOnce(shipped, "active 3,000 (employer-enrolled, and individually enrolled tier 2), 800 (individual\n    # tier 1); retired 4,000 / 1,200\n    annualCap:\n      EMPLOYEE_ACTIVE: { EMPLOYER: \"3000.00\"",
                "active 3,000\n    annualCap:\n      EMPLOYEE_ACTIVE: { EMPLOYER: \"-3000.00\"")},
                "pack.visits.GENERAL_OUTPATIENT.annualCap");
        cases.put(new String[]{year + "&from=" + (YR - 1) + "-12-01&to=" + YR + "-01-31", shipped}, "from");
        cases.put(new String[]{year + "&from=" + YR + "-12-01&to=" + (YR + 1) + "-01-31", shipped}, "to");
        cases.put(new String[]{year + "&from=" + YR + "-13-01", shipped}, "from");
        cases.put(new String[]{"year=twenty", shipped}, "year");
        cases.put(new String[]{"", shipped}, "year");
        cases.put(new String[]{year, ""}, "pack");
        for (Map.Entry<String[], String> c : cases.entrySet()) {
            HttpResponse<String> response = manager().post(SIMULATIONS + "?" + c.getKey()[0], "application/yaml", c.getKey()[1]);
            String what = c.getKey()[0] + " / " + abbreviate(c.getKey()[1]) + " -> " + response.body();
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            assertThat(fields(response)).as(what).anySatisfy(f -> assertThat(f).startsWith(c.getValue()));
        }
        // from after to: either date may be named
        HttpResponse<String> reversed = manager().post(SIMULATIONS + "?" + year + "&from=" + YR + "-06-01&to=" + YR + "-05-01",
                "application/yaml", shipped);
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(400);
        assertThat(fields(reversed)).as(reversed.body()).anySatisfy(f -> assertThat(f).isIn("from", "to"));
        // a huge body: refused (too large), never queued
        String huge = shipped + "\n# " + "x".repeat(12 * 1024 * 1024) + "\n";
        try {
            HttpResponse<String> tooBig = manager().post(SIMULATIONS + "?" + year, "application/yaml", huge);
            assertThat(tooBig.statusCode()).as(abbreviate(tooBig.body())).isIn(400, 413);
        } catch (java.io.UncheckedIOException closed) {
            // the server answered before reading the whole upload and closed the connection: refused at the transport
        }
        String large = shipped + "\n# " + "x".repeat(3 * 1024 * 1024) + "\n";
        try {
            HttpResponse<String> tooLarge = manager().post(SIMULATIONS + "?" + year, "application/yaml", large);
            assertThat(tooLarge.statusCode()).as(abbreviate(tooLarge.body())).isIn(400, 413);
        } catch (java.io.UncheckedIOException closed) {
        }
        // callers other than bureau managers
        for (var caller : List.of(TestCallers.his(JIANGJIN), TestCallers.AUDITOR, TestCallers.CLERK)) {
            HttpResponse<String> refused = api.as(caller).post(SIMULATIONS + "?" + year, "application/yaml", shipped);
            assertThat(refused.statusCode()).as(caller + " -> " + refused.body()).isEqualTo(403);
        }
        assertThat(api.anonymous().post(SIMULATIONS + "?" + year, "application/yaml", shipped).statusCode()).isEqualTo(401);
        assertThat(listed()).as("nothing queued").isEqualTo(before);
        // an unknown simulation
        assertThat(manager().get(SIMULATIONS + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(manager().get(SIMULATIONS + "/" + UUID.randomUUID() + "/report.csv").statusCode()).isEqualTo(404);
        // a CSV before the run finished is 409 (or, if it already finished, 200 with SUCCEEDED)
        HttpResponse<String> queued = manager().post(SIMULATIONS + "?" + year, "application/yaml", shipped);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String id = json.readTree(queued.body()).at("/id").asString();
        HttpResponse<String> early = manager().get(SIMULATIONS + "/" + id + "/report.csv");
        if (early.statusCode() == 200) {
            assertThat(json.readTree(manager().get(SIMULATIONS + "/" + id).body()).at("/status").asString()).isEqualTo("SUCCEEDED");
        } else {
            assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        }
        assertThat(listed()).isEqualTo(before + 1);
    }

    // --- helpers ---

    /** Posts the candidate and waits for the end of its run; the simulation as read at the end (SUCCEEDED). */
    private JsonNode simulate(String yaml, String query) {
        HttpResponse<String> posted = manager().post(SIMULATIONS + "?" + query, "application/yaml", yaml);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode created = json.readTree(posted.body());
        String id = created.at("/id").asString();
        assertThat(created.at("/status").asString()).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(SIMULATIONS + "/" + id));
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300)).until(() -> {
            HttpResponse<String> read = manager().get(SIMULATIONS + "/" + id);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            last[0] = json.readTree(read.body());
            String status = last[0].at("/status").asString();
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        });
        JsonNode done = last[0];
        if (!done.at("/status").asString().equals("SUCCEEDED")) {
            fail("simulation " + id + " did not succeed: " + done);
        }
        assertThat(done.at("/billsDone").asLong()).isEqualTo(done.at("/billsTotal").asLong());
        assertThat(new BigDecimal(done.at("/percentDone").asString())).isEqualByComparingTo("100");
        return done;
    }

    private static JsonNode result(JsonNode simulation) {
        JsonNode result = simulation.at("/result");
        assertThat(result.isMissingNode() || result.isNull()).as("a result: " + simulation).isFalse();
        return result;
    }

    private static JsonNode group(JsonNode result, String dimension, String value) {
        for (JsonNode g : result.at("/groups")) {
            if (g.at("/dimension").asString().equals(dimension) && (value == null || g.at("/value").asString().equals(value))) {
                return g;
            }
        }
        fail("no group " + dimension + "=" + value + " in " + result.at("/groups"));
        return null;
    }

    private static void assertLayers(JsonNode group, String layer, Map<String, String> expected) {
        expected.forEach((field, amount) -> assertThat(money(group.at("/" + layer), field))
                .as(group.at("/dimension").asString() + "=" + group.at("/value").asString() + " " + layer + "." + field + " in " + group)
                .isEqualByComparingTo(amount));
    }

    /** Every group's difference is 0.00 in every layer, and replayed equals settled. */
    private static void assertAllDifferencesZero(JsonNode result) {
        assertThat(result.at("/groups").size()).isPositive();
        for (JsonNode g : result.at("/groups")) {
            for (String field : LAYERS) {
                String where = g.at("/dimension").asString() + "=" + g.at("/value").asString() + " " + field + " in " + g;
                assertThat(money(g.at("/difference"), field)).as("difference " + where).isEqualByComparingTo("0.00");
                assertThat(money(g.at("/replayed"), field)).as("replayed " + where).isEqualByComparingTo(money(g.at("/settled"), field));
            }
        }
    }

    /** A ratio, in percent to two decimals, against the hand computation. */
    private static void assertRatio(JsonNode group, String path, String expected) {
        JsonNode node = group.at("/" + path);
        assertThat(node.isMissingNode() || node.isNull()).as(path + " in " + group).isFalse();
        BigDecimal actual = new BigDecimal(node.asString().replace("%", "").trim()).setScale(2, RoundingMode.HALF_UP);
        assertThat(actual).as(path + " (fundsPaid / policyScope or total, %) in " + group).isEqualByComparingTo(expected);
    }

    private static BigDecimal money(JsonNode node, String field) {
        JsonNode v = node.at("/" + field);
        assertThat(v.isMissingNode() || v.isNull()).as(field + " in " + node).isFalse();
        return new BigDecimal(v.asString());
    }

    private String person(String district, String birth) {
        String first17 = district + birth + String.format("%03d", PEOPLE.incrementAndGet());
        return first17 + ResidentId.checkCharacter(first17);
    }

    private void enroll(String person, String region, Scheme scheme, PersonType type, EmploymentTier tier) {
        events.publish(new PersonEnrolled(person, region, scheme, type, tier, YR, LocalDate.of(YR, 1, 1), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from enrollment_period where person_id = ? and year = ?", Integer.class, person, YR) == 1);
    }

    private void identity(String person, String region, AssistanceCategory category) {
        events.publish(new AssistanceIdentityChanged(person, region, null, category, LocalDate.of(YR, 1, 1), null,
                List.of("civil-affairs"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from assistance_identity_period where person_id = ?", Integer.class, person) == 1);
    }

    private JsonNode settle(String hospital, String person, String visitType, LocalDate date, String diagnosis, String lines) {
        String body = """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"%s","serviceDate":"%s",
                 "diagnosisCodes":["%s"],"lines":%s}""".formatted(UUID.randomUUID(), person, hospital, visitType, date, diagnosis, lines);
        HttpResponse<String> response = api.as(TestCallers.his(hospital)).post("/api/settlement/settlements", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    /** Class A care adding up to {@code amount} (a multiple of 10): haemodialysis at 400.00 and consultations at 10.00. */
    private static String classA(BigDecimal amount) {
        int tens = amount.divide(BigDecimal.TEN).intValueExact();
        int sessions = tens / 40;
        int consultations = tens - sessions * 40;
        List<String> lines = new ArrayList<>();
        if (sessions > 0) {
            lines.add("{\"itemCode\":\"S311201001\",\"quantity\":" + sessions + ",\"unitPrice\":\"400.00\"}");
        }
        if (consultations > 0) {
            lines.add("{\"itemCode\":\"S110200001\",\"quantity\":" + consultations + ",\"unitPrice\":\"10.00\"}");
        }
        return "[" + String.join(",", lines) + "]";
    }

    private static String shippedPack(String id) {
        try (InputStream in = PolicySimulationEvidenceIT.class.getResourceAsStream("/policy-packs/" + id + ".yml")) {
            assertThat(in).as(id).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Hohhot pack's rules unchanged, for one district (its persons only). */
    private static String inDistrict(String hohhot, String code, String name) {
        return replaceOnce(hohhot, "region: { code: \"150100\", name: 呼和浩特市 }", "region: { code: \"" + code + "\", name: " + name + " }");
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("'" + from + "' in the pack").isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("'" + from + "' once in the pack").isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private String fingerprint(String sql, String person) {
        return jdbc.queryForObject(sql, String.class, person);
    }

    private List<String> fields(HttpResponse<String> response) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : json.readTree(response.body()).at("/errors")) {
            out.add(e.at("/field").asString());
        }
        return out;
    }

    /** How many simulations the list holds (a bare array, or the first array in the answer). */
    private int listed() {
        HttpResponse<String> list = manager().get(SIMULATIONS);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode body = json.readTree(list.body());
        if (body.isArray()) {
            return body.size();
        }
        for (JsonNode child : body) {
            if (child.isArray()) {
                return child.size();
            }
        }
        fail("no list in " + list.body());
        return -1;
    }

    /** A fresh token each time (tokens live 15 minutes). */
    private ServiceClient manager() {
        return api.as(TestCallers.MANAGER);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
