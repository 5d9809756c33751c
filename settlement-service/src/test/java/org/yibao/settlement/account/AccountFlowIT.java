package org.yibao.settlement.account;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.ContributionsCollected;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal accounts (个人账户) and family mutual aid (家庭共济) end to end on a real PostgreSQL and Kafka
 * (issue 22): the monthly credit from ContributionsCollected, payment at settlement under the account's
 * lock, restoration at reversal, the monthly statement, bindings and their refusals.
 *
 * <p>The worked examples, by hand. An active Jiangjin employee (500116) has 120.00 credited for a month
 * (wage base 6,000.00 x the individual's 2%, wholly to the account). Her general outpatient bill of 100.00
 * at a level-2 hospital lies under the year's 200.00 deductible, so she owes all 100.00 after the funds.
 * A Yangjiang resident's inpatient stay of 10,700.00 at level 3: deductible 700.00, the fund 60% of 10,000.00
 * = 6,000.00, so 4,700.00 is owed.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountFlowIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String YANGJIANG_HOSPITAL = "H44170000003";  // Yangjiang, level 3
    private static final String JIANGJIN_HOSPITAL = "H50011600002";   // Jiangjin, level 2
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;
    private EventPublisher events;
    private int year;

    @BeforeAll
    void institutionsExist() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.AUDITOR);
        events = new EventPublisher(json);
        year = LocalDate.now(BEIJING).getYear();
        List<UUID> ids = List.of(
                events.publish(new InstitutionStatusChanged(YANGJIANG_HOSPITAL, "阳江市人民医院", "441700", InstitutionKind.HOSPITAL,
                        InstitutionLevel.LEVEL_3, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now())).eventId(),
                events.publish(new InstitutionStatusChanged(JIANGJIN_HOSPITAL, "江津区中心医院", "500116", InstitutionKind.HOSPITAL,
                        InstitutionLevel.LEVEL_2, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now())).eventId());
        awaitProcessed(ids);
    }

    @AfterAll
    void closeClients() {
        events.close();
    }

    /**
     * Credited 120.00, a bill of 100.00 paid from the account (balance 20.00), the bill reversed: the balance is
     * 120.00 again to the fen, and the month's statement reads opening 0.00 + credits 120.00 - debits 100.00 +
     * restorations 100.00 = closing 120.00. The same month's contributions announced again change nothing.
     */
    @Test
    void anAccountPaymentAndItsReversalRestoreTheBalanceToTheFen() throws Exception {
        String holder = employee();
        credit(holder, "120.00");

        JsonNode settled = settled(outpatient(holder, "100.00", "100.00", null));

        assertThat(settled.at("/amounts/personalAccount").asString()).isEqualTo("100.00");
        assertThat(settled.at("/amounts/cash").asString()).isEqualTo("0.00");
        assertThat(settled.at("/account/holderId").asString()).isEqualTo(holder);
        assertThat(settled.at("/account/balanceAfter").asString()).isEqualTo("20.00");
        assertThat(settled.at("/account/mutualAid").asBoolean()).isFalse();
        assertThat(balance(holder)).isEqualTo("20.00");

        HttpResponse<String> reversed = his(JIANGJIN_HOSPITAL).post("/api/settlement/settlements/" + settled.at("/id").asString()
                + "/reversal", "{\"reason\":\"wrong patient\"}");

        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        assertThat(json.readTree(reversed.body()).at("/account/balanceAfter").asString()).isEqualTo("120.00");
        assertThat(balance(holder)).isEqualTo("120.00");

        credit(holder, "120.00"); // the same month again (a new event id): credited once per person and month
        assertThat(balance(holder)).isEqualTo("120.00");

        JsonNode statement = json.readTree(api.as(TestCallers.AUDITOR)
                .get("/api/settlement/accounts/" + holder + "/statements/" + YearMonth.now(BEIJING)).body());
        assertThat(statement.at("/opening").asString()).isEqualTo("0.00");
        assertThat(statement.at("/credits").asString()).isEqualTo("120.00");
        assertThat(statement.at("/debits").asString()).isEqualTo("100.00");
        assertThat(statement.at("/restorations").asString()).isEqualTo("100.00");
        assertThat(statement.at("/closing").asString()).isEqualTo("120.00");
        assertThat(statement.at("/lines").size()).isEqualTo(3);
        assertThat(statement.at("/lines/1/kind").asString()).isEqualTo("DEBIT");
        assertThat(statement.at("/lines/1/settlementId").asString()).isEqualTo(settled.at("/id").asString());
        assertThat(statement.at("/lines/2/kind").asString()).isEqualTo("RESTORATION");
    }

    /**
     * A reversal after a month's statement is closed appears in the month of the reversal: 120.00 credited and
     * 100.00 paid last month (the lines are moved to last month, as if recorded then), the bill reversed now. Last
     * month's statement stays 0.00 + 120.00 - 100.00 = 20.00; this month's reads 20.00 + 100.00 restored = 120.00.
     */
    @Test
    void aReversalAfterAMonthIsClosedAppearsInTheMonthOfTheReversal() throws Exception {
        String holder = employee();
        credit(holder, "120.00");
        JsonNode settled = settled(outpatient(holder, "100.00", "100.00", null));
        YearMonth now = YearMonth.now(BEIJING);
        YearMonth last = now.minusMonths(1);
        jdbc.update("update account_entry set statement_month = ? where holder_id = ?", last.atDay(1), holder);

        his(JIANGJIN_HOSPITAL).post("/api/settlement/settlements/" + settled.at("/id").asString() + "/reversal",
                "{\"reason\":\"duplicate\"}");

        JsonNode closed = json.readTree(api.as(TestCallers.AUDITOR).get("/api/settlement/accounts/" + holder + "/statements/" + last).body());
        JsonNode current = json.readTree(api.as(TestCallers.AUDITOR).get("/api/settlement/accounts/" + holder + "/statements/" + now).body());
        assertThat(closed.at("/opening").asString()).isEqualTo("0.00");
        assertThat(closed.at("/credits").asString()).isEqualTo("120.00");
        assertThat(closed.at("/debits").asString()).isEqualTo("100.00");
        assertThat(closed.at("/restorations").asString()).isEqualTo("0.00");
        assertThat(closed.at("/closing").asString()).isEqualTo("20.00");
        assertThat(current.at("/opening").asString()).isEqualTo("20.00");
        assertThat(current.at("/restorations").asString()).isEqualTo("100.00");
        assertThat(current.at("/closing").asString()).isEqualTo("120.00");
        assertThat(current.at("/lines/0/settlementId").asString()).isEqualTo(settled.at("/id").asString());
    }

    /** Balance 20.00 (120.00 credited, 100.00 paid); a bill of 50.00 asking 50.00: the account pays 20.00, cash 30.00. */
    @Test
    void aBillAskingMoreThanTheBalancePaysTheBalanceAndTheRestInCash() throws Exception {
        String holder = employee();
        credit(holder, "120.00");
        settled(outpatient(holder, "100.00", "100.00", null));

        JsonNode second = settled(outpatient(holder, "50.00", "50.00", null));

        assertThat(second.at("/amounts/personalAccount").asString()).isEqualTo("20.00");
        assertThat(second.at("/amounts/cash").asString()).isEqualTo("30.00");
        assertThat(second.at("/account/balanceAfter").asString()).isEqualTo("0.00");
        assertThat(balance(holder)).isEqualTo("0.00");
    }

    /**
     * A resident spouse bound to an employee's account (家庭共济): her stay of 10,700.00 asks 100.00 from the
     * account; the fund pays 6,000.00, the holder's account 100.00 (120.00 -> 20.00), cash 4,600.00. The bill and
     * the holder's statement line show whose account paid and for whom. Without a binding a resident's ask is cash.
     */
    @Test
    void aBoundFamilyMembersBillIsPaidFromTheHoldersAccount() throws Exception {
        String holder = employee();
        String spouse = resident();
        credit(holder, "120.00");
        JsonNode unbound = settled(inpatient(spouse, "10700.00", "100.00", null));
        assertThat(unbound.at("/amounts/personalAccount").asString()).isEqualTo("0.00");
        assertThat(unbound.at("/amounts/cash").asString()).isEqualTo("4700.00");

        HttpResponse<String> bound = bind(holder, spouse, "SPOUSE");
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(201);
        assertThat(json.readTree(bound.body()).at("/registeredBy").asString()).isEqualTo(TestCallers.CLERK.clientId());

        JsonNode paid = settled(inpatient(spouse, "10700.00", "100.00", null));

        assertThat(paid.at("/amounts/basicFund").asString()).isEqualTo("6000.00");
        assertThat(paid.at("/amounts/personalAccount").asString()).isEqualTo("100.00");
        assertThat(paid.at("/amounts/cash").asString()).isEqualTo("4600.00");
        assertThat(paid.at("/account/holderId").asString()).isEqualTo(holder);
        assertThat(paid.at("/account/mutualAid").asBoolean()).isTrue();
        assertThat(paid.at("/account/balanceAfter").asString()).isEqualTo("20.00");
        assertThat(balance(holder)).isEqualTo("20.00");
        JsonNode statement = json.readTree(api.as(TestCallers.AUDITOR)
                .get("/api/settlement/accounts/" + holder + "/statements/" + YearMonth.now(BEIJING)).body());
        assertThat(statement.at("/lines/1/patientId").asString()).isEqualTo(spouse);
        assertThat(statement.at("/lines/1/mutualAid").asBoolean()).isTrue();

        // naming a holder the patient is not bound to is refused, naming the field, and settles nothing
        String stranger = employee();
        HttpResponse<String> refused = his(YANGJIANG_HOSPITAL).post("/api/settlement/settlements", inpatient(spouse, "700.00", "50.00", stranger));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("accountHolderId");
        assertThat(balance(holder)).isEqualTo("20.00");
    }

    /**
     * A binding a clerk enters later from the family's application (validFrom, the day it was received): a member's
     * bill of that day, before the day of registration, is paid from the holder's account (120.00 credited, a stay
     * owing 4,700.00 asks 100.00: paid 100.00, 20.00 left).
     */
    @Test
    void aBindingFromTheDayTheFamilyAppliedPaysTheMembersBillsFromThatDay() throws Exception {
        String holder = employee();
        String child = resident();
        credit(holder, "120.00");
        LocalDate applied = LocalDate.of(year, 1, 1);
        HttpResponse<String> bound = api.as(TestCallers.CLERK).post("/api/settlement/accounts/" + holder + "/family-bindings",
                "{\"memberId\":\"" + child + "\",\"relationship\":\"CHILD\",\"validFrom\":\"" + applied + "\"}");
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(201);
        assertThat(json.readTree(bound.body()).at("/validFrom").asString()).isEqualTo(applied.toString());

        JsonNode paid = settled(inpatient(child, "10700.00", "100.00", null)
                .replace("\"serviceDate\":\"" + LocalDate.now(BEIJING) + "\"", "\"serviceDate\":\"" + applied + "\""));

        assertThat(paid.at("/serviceDate").asString()).isEqualTo(applied.toString());
        assertThat(paid.at("/amounts/personalAccount").asString()).isEqualTo("100.00");
        assertThat(paid.at("/account/holderId").asString()).isEqualTo(holder);
        assertThat(paid.at("/account/mutualAid").asBoolean()).isTrue();
        assertThat(balance(holder)).isEqualTo("20.00");
    }

    /**
     * Two bills on one account at once — the holder's own (owes 100.00) and a bound member's (owes 4,700.00), each
     * asking 100.00 of a 120.00 balance — never overdraw it: whichever is second gets the 20.00 left. Repeated for
     * four accounts; each ends at 0.00 having paid exactly 120.00.
     */
    @Test
    void twoConcurrentSettlesOnOneAccountCannotOverdrawIt() throws Exception {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String holder = employee();
            String member = resident();
            credit(holder, "120.00");
            assertThat(bind(holder, member, "CHILD").statusCode()).isEqualTo(201);
            pairs.add(new String[] {holder, member});
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (String[] pair : pairs) {
                futures.add(pool.submit(call(JIANGJIN_HOSPITAL, outpatient(pair[0], "100.00", "100.00", null))));
                futures.add(pool.submit(call(YANGJIANG_HOSPITAL, inpatient(pair[1], "10700.00", "100.00", null))));
            }
            for (Future<HttpResponse<String>> f : futures) {
                assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        for (String[] pair : pairs) {
            assertThat(balance(pair[0])).isEqualTo("0.00");
            assertThat(jdbc.queryForObject("select sum(amount) from account_entry where holder_id = ? and kind = 'DEBIT'",
                    BigDecimal.class, pair[0])).isEqualByComparingTo("120.00");
            assertThat(jdbc.queryForObject("select sum(personal_account) from settlement where person_id in (?, ?)",
                    BigDecimal.class, pair[0], pair[1])).isEqualByComparingTo("120.00");
        }
    }

    /**
     * A child bound to both parents' accounts (the mother's binding registered first): a bill asking an account payment
     * without naming the holder — as the national interface's 2207 must, having no field for it — is paid from the
     * earliest binding's holder, the mother (120.00 -> 20.00); naming the father pays from his (120.00 -> 20.00).
     */
    @Test
    void aMemberBoundToSeveralAccountsIsPaidFromTheEarliestUnlessTheHolderIsNamed() throws Exception {
        String mother = employee();
        String father = employee();
        String child = resident();
        credit(mother, "120.00");
        credit(father, "120.00");
        assertThat(bind(mother, child, "CHILD").statusCode()).isEqualTo(201);
        assertThat(bind(father, child, "CHILD").statusCode()).isEqualTo(201);

        JsonNode unnamed = settled(inpatient(child, "10700.00", "100.00", null));
        JsonNode named = settled(inpatient(child, "10700.00", "100.00", father));

        assertThat(unnamed.at("/account/holderId").asString()).isEqualTo(mother);
        assertThat(named.at("/account/holderId").asString()).isEqualTo(father);
        assertThat(named.at("/amounts/personalAccount").asString()).isEqualTo("100.00");
        assertThat(balance(mother)).isEqualTo("20.00");
        assertThat(balance(father)).isEqualTo("20.00");
        assertThat(jdbc.queryForObject("select count(*) from settlement where person_id = ?", Integer.class, child)).isEqualTo(2);
    }

    /** Bindings refused, each naming the field, and nothing registered: oneself, a person not enrolled, a staff role without the right. */
    @Test
    void bindingRefusalsNameTheFieldAndChangeNothing() throws Exception {
        String holder = employee();
        String notEnrolled = person();

        HttpResponse<String> self = bind(holder, holder, "SPOUSE");
        HttpResponse<String> unenrolled = bind(holder, notEnrolled, "PARENT");
        HttpResponse<String> auditor = api.as(TestCallers.AUDITOR).post("/api/settlement/accounts/" + holder + "/family-bindings",
                "{\"memberId\":\"" + resident() + "\",\"relationship\":\"CHILD\"}");
        HttpResponse<String> badRelation = bind(holder, resident(), "COUSIN");
        HttpResponse<String> residentHolder = bind(resident(), resident(), "SPOUSE");
        HttpResponse<String> future = api.as(TestCallers.CLERK).post("/api/settlement/accounts/" + holder + "/family-bindings",
                "{\"memberId\":\"" + resident() + "\",\"relationship\":\"CHILD\",\"validFrom\":\""
                        + LocalDate.now(BEIJING).plusDays(2) + "\"}");

        assertThat(self.statusCode()).as(self.body()).isEqualTo(400);
        assertThat(self.body()).contains("memberId").contains("cannot bind themself");
        assertThat(unenrolled.statusCode()).as(unenrolled.body()).isEqualTo(400);
        assertThat(unenrolled.body()).contains("memberId").contains("not enrolled");
        assertThat(auditor.statusCode()).as(auditor.body()).isEqualTo(403);
        assertThat(badRelation.statusCode()).as(badRelation.body()).isEqualTo(400);
        assertThat(badRelation.body()).contains("relationship");
        assertThat(residentHolder.statusCode()).as(residentHolder.body()).isEqualTo(400);
        assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
        assertThat(future.body()).contains("validFrom").contains("future");
        assertThat(residentHolder.body()).contains("personId");
        assertThat(jdbc.queryForObject("select count(*) from family_binding where holder_id = ?", Integer.class, holder)).isZero();
    }

    /** One binding per pair (a second is 409); ending it records its last day and who ended it. */
    @Test
    void aPairIsBoundOnceAndAnEndedBindingPaysNothing() throws Exception {
        String holder = employee();
        String parent = resident();
        credit(holder, "120.00");
        JsonNode binding = json.readTree(bind(holder, parent, "PARENT").body());

        assertThat(bind(holder, parent, "PARENT").statusCode()).isEqualTo(409);
        HttpResponse<String> ended = api.as(TestCallers.CLERK).post("/api/settlement/family-bindings/"
                + binding.at("/bindingId").asString() + "/end", "{\"reason\":\"moved away\"}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        // ended today: today is its last day (FamilyBinding.holdsOn), a later day's bill is the member's cash
        assertThat(json.readTree(ended.body()).at("/endedOn").asString()).isEqualTo(LocalDate.now(BEIJING).toString());
        assertThat(json.readTree(ended.body()).at("/endedBy").asString()).isEqualTo(TestCallers.CLERK.clientId());
        assertThat(bind(holder, parent, "PARENT").statusCode()).isEqualTo(201); // a new binding after the end
    }

    /**
     * The funds' income by source (issue 22), from the events alone, in a region and month no other test posts to
     * (Pingdingshan, March 2021). An active employee: employer 480.00, individual 120.00, to the account 120.00; a
     * retiree: 75.00 to the account from the pooled fund; a resident: 220.00 paid, 30.00 by assistance, 550.00 fiscal
     * subsidy. EMPLOYEE: to accounts 195.00, pooled fund 480.00 + 120.00 - 195.00 = 405.00; RESIDENT: pooled fund
     * 800.00. The resident's month announced again changes nothing. Accounts' spending: a bill paying 100.00 from an
     * account raises this month's spending in its region by exactly 100.00, its reversal takes it back.
     */
    @Test
    void theIncomeReportShowsEachSourceAndTheAccountsSpending() throws Exception {
        String active = person();
        String retired = person();
        String resident = person();
        List<UUID> ids = new ArrayList<>();
        ids.add(events.publish(new ContributionsCollected(active, "410402", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, "2021-03",
                Money.of("6000.00"), Money.of("480.00"), Money.of("120.00"), Money.of("120.00"), Money.ZERO, Money.ZERO,
                Money.ZERO, "410400-2021", Instant.now())).eventId());
        ids.add(events.publish(new ContributionsCollected(retired, "410402", Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED, "2021-03",
                null, Money.ZERO, Money.ZERO, Money.of("75.00"), Money.ZERO, Money.ZERO, Money.ZERO, "410400-2021",
                Instant.now())).eventId());
        ContributionsCollected residentMonth = new ContributionsCollected(resident, "410402", Scheme.RESIDENT, PersonType.RESIDENT,
                "2021-03", null, Money.ZERO, Money.ZERO, Money.ZERO, Money.of("220.00"), Money.of("30.00"), Money.of("550.00"),
                "410400-2020", Instant.now());
        ids.add(events.publish(residentMonth).eventId());
        ids.add(events.publish(residentMonth).eventId()); // the same month again, as a new event
        awaitProcessed(ids);

        JsonNode report = json.readTree(api.as(TestCallers.MANAGER).get("/api/settlement/reports/2021/income?region=410400").body());

        assertThat(report.at("/months").size()).isEqualTo(2);
        JsonNode employees = report.at("/months/0");
        assertThat(employees.at("/scheme").asString()).isEqualTo("EMPLOYEE");
        assertThat(employees.at("/month").asString()).isEqualTo("2021-03");
        assertThat(employees.at("/persons").asInt()).isEqualTo(2);
        assertThat(employees.at("/employerContributions").asString()).isEqualTo("480.00");
        assertThat(employees.at("/individualContributions").asString()).isEqualTo("120.00");
        assertThat(employees.at("/toAccounts").asString()).isEqualTo("195.00");
        assertThat(employees.at("/pooledFund").asString()).isEqualTo("405.00");
        JsonNode residents = report.at("/months/1");
        assertThat(residents.at("/scheme").asString()).isEqualTo("RESIDENT");
        assertThat(residents.at("/residentContributions").asString()).isEqualTo("220.00");
        assertThat(residents.at("/premiumSubsidies").asString()).isEqualTo("30.00");
        assertThat(residents.at("/fiscalSubsidies").asString()).isEqualTo("550.00");
        assertThat(residents.at("/pooledFund").asString()).isEqualTo("800.00");

        String holder = employee();
        credit(holder, "120.00");
        BigDecimal before = spending();
        JsonNode paid = settled(outpatient(holder, "100.00", "100.00", null));
        BigDecimal after = spending();
        his(JIANGJIN_HOSPITAL).post("/api/settlement/settlements/" + paid.at("/id").asString() + "/reversal", "{\"reason\":\"x\"}");
        assertThat(after.subtract(before)).isEqualByComparingTo("100.00");
        assertThat(spending()).isEqualByComparingTo(before);
    }

    /** This month's accounts' spending in Jiangjin, from the income report. */
    private BigDecimal spending() throws Exception {
        YearMonth now = YearMonth.now(BEIJING);
        JsonNode report = json.readTree(api.as(TestCallers.MANAGER).get("/api/settlement/reports/" + now.getYear()
                + "/income?region=500116").body());
        for (JsonNode m : report.at("/months")) {
            if (m.at("/scheme").asString().equals("EMPLOYEE") && m.at("/month").asString().equals(now.toString())) {
                return new BigDecimal(m.at("/accountSpending").asString());
            }
        }
        return BigDecimal.ZERO;
    }

    // --- helpers ---

    private Callable<HttpResponse<String>> call(String institution, String body) {
        return () -> his(institution).post("/api/settlement/settlements", body);
    }

    private ServiceClient his(String institution) {
        return api.as(TestCallers.his(institution));
    }

    private JsonNode settled(String body) throws Exception {
        String institution = body.contains(JIANGJIN_HOSPITAL) ? JIANGJIN_HOSPITAL : YANGJIANG_HOSPITAL;
        HttpResponse<String> response = his(institution).post("/api/settlement/settlements", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private HttpResponse<String> bind(String holder, String member, String relationship) {
        return api.as(TestCallers.CLERK).post("/api/settlement/accounts/" + holder + "/family-bindings",
                "{\"memberId\":\"" + member + "\",\"relationship\":\"" + relationship + "\"}");
    }

    private String balance(String holder) throws Exception {
        HttpResponse<String> response = api.as(TestCallers.AUDITOR).get("/api/settlement/accounts/" + holder);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).at("/balance").asString();
    }

    /** A Jiangjin general outpatient bill of one line (class and deductible as in the class comment). */
    private String outpatient(String person, String amount, String asked, String holder) {
        return """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"GENERAL_OUTPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["J06.9"],"personalAccountAmount":"%s"%s,
                 "lines":[{"itemCode":"S110200001","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(UUID.randomUUID(), person, JIANGJIN_HOSPITAL, LocalDate.now(BEIJING), asked,
                        holder == null ? "" : ",\"accountHolderId\":\"" + holder + "\"", amount);
    }

    /** A Yangjiang level-3 inpatient bill of dialysis sessions at 400.00. */
    private String inpatient(String person, String amount, String asked, String holder) {
        String sessions = new BigDecimal(amount).divide(new BigDecimal("400")).toPlainString();
        return """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],"personalAccountAmount":"%s"%s,
                 "lines":[{"itemCode":"S311201001","quantity":%s,"unitPrice":"400.00"}]}"""
                .formatted(UUID.randomUUID(), person, YANGJIANG_HOSPITAL, LocalDate.now(BEIJING), asked,
                        holder == null ? "" : ",\"accountHolderId\":\"" + holder + "\"", sessions);
    }

    private void credit(String holder, String allocation) {
        Money amount = Money.of(allocation);
        awaitProcessed(List.of(events.publish(new ContributionsCollected(holder, "500116", Scheme.EMPLOYEE,
                PersonType.EMPLOYEE_ACTIVE, YearMonth.now(BEIJING).toString(), Money.of("6000.00"), Money.of("480.00"), amount, amount,
                Money.ZERO, Money.ZERO, Money.ZERO, "500116-2023", Instant.now())).eventId()));
    }

    private String employee() {
        String person = person();
        awaitProcessed(List.of(events.publish(new PersonEnrolled(person, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE,
                EmploymentTier.EMPLOYER, year, LocalDate.of(year, 1, 1), Instant.now())).eventId()));
        return person;
    }

    private String resident() {
        String person = person();
        awaitProcessed(List.of(events.publish(new PersonEnrolled(person, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null,
                year, LocalDate.of(year, 1, 1), Instant.now())).eventId()));
        return person;
    }

    private static String person() {
        String first17 = "441702" + "19830722" + String.format("%03d", PEOPLE.incrementAndGet() + 500);
        return first17 + ResidentId.checkCharacter(first17);
    }

    private void awaitProcessed(List<UUID> eventIds) {
        await().atMost(Duration.ofSeconds(60)).until(() -> eventIds.stream().allMatch(id ->
                jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class, id) == 1));
    }

    @SuppressWarnings("unused")
    private void publish(IntegrationEvent event) {
        events.publish(event);
    }
}
