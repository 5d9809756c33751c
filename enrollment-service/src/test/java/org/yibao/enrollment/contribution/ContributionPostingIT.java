package org.yibao.enrollment.contribution;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.time.BeijingTime;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Employee contributions and the monthly posting (issue 22) on a real PostgreSQL: the wage base registered with
 * the enrollment and changed from a date, each month computed from the facts true on its last day, one
 * ContributionsCollected per person and month through the outbox, and posting a month twice changing nothing.
 *
 * <p>Worked example, by hand, on Yangjiang's rates after the reform (contribution-rates/yangjiang-2023.yml:
 * employer 6.5% wholly to the pooled fund, individual 2% in full to the account, retirees 60.00 a month), last year
 * (so every month is past): wage base 6,000.00 — September: employer 390.00, individual 120.00, account 120.00;
 * from 1 October 8,000.00 — employer 520.00, individual 160.00, account 160.00; retired from 1 November — no
 * contribution, 60.00 to the account. A Yangjiang resident whose cover begins
 * 15 October: contribution 250.00, fiscal subsidy 520.00 (the seed's), posted in October.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContributionPostingIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final int YEAR = LocalDate.now(BeijingTime.ZONE).getYear() - 1;

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;

    @BeforeAll
    void clients() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.CLERK);
    }

    @Test
    void eachMonthIsComputedFromTheFactsOfItsLastDayAndPostingTwiceChangesNothing() throws Exception {
        String employee = registered();
        assertThat(enrollEmployee(employee, "\"wageBase\":\"6000.00\"").statusCode()).isEqualTo(201);
        assertThat(change(employee, """
                {"wageBase":"8000.00","effectiveFrom":"%s","reason":"pay rise"}""".formatted(LocalDate.of(YEAR, 10, 1)))
                .statusCode()).isEqualTo(200);
        assertThat(change(employee, """
                {"personType":"EMPLOYEE_RETIRED","effectiveFrom":"%s","reason":"retired"}""".formatted(LocalDate.of(YEAR, 11, 1)))
                .statusCode()).isEqualTo(200);
        String resident = registered();
        assertThat(api.post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"RESIDENT","personType":"RESIDENT","effectiveFrom":"%s"}"""
                .formatted(resident, YEAR, LocalDate.of(YEAR, 10, 15))).statusCode()).isEqualTo(201);

        for (int month = 9; month <= 11; month++) {
            HttpResponse<String> posted = post(YearMonth.of(YEAR, month));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        }
        HttpResponse<String> again = post(YearMonth.of(YEAR, 10));

        JsonNode months = json.readTree(api.as(TestCallers.MANAGER).get("/api/enrollment/persons/" + employee + "/contributions").body());
        assertThat(months.size()).isEqualTo(3);
        assertMonth(months.get(0), YEAR + "-09", "EMPLOYEE_ACTIVE", "390.00", "120.00", "120.00");
        assertThat(months.get(0).at("/wageBase").asString()).isEqualTo("6000.00");
        assertMonth(months.get(1), YEAR + "-10", "EMPLOYEE_ACTIVE", "520.00", "160.00", "160.00");
        assertMonth(months.get(2), YEAR + "-11", "EMPLOYEE_RETIRED", "0.00", "0.00", "60.00");
        assertThat(months.get(2).at("/ratePolicy").asString()).isEqualTo("441700-2023");
        assertThat(months.get(0).at("/postedBy").asString()).isEqualTo(TestCallers.MANAGER.clientId());

        JsonNode residentMonths = json.readTree(api.as(TestCallers.MANAGER).get("/api/enrollment/persons/" + resident + "/contributions").body());
        assertThat(residentMonths.size()).isEqualTo(1);
        assertThat(residentMonths.at("/0/month").asString()).isEqualTo(YEAR + "-10");
        assertThat(residentMonths.at("/0/residentContribution").asString()).isEqualTo("250.00");
        assertThat(residentMonths.at("/0/premiumSubsidy").asString()).isEqualTo("0.00");
        assertThat(residentMonths.at("/0/fiscalSubsidy").asString()).isEqualTo("520.00");

        // posting October again changes nothing: no one posted, one event per person and month
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json.readTree(again.body()).at("/employeesPosted").asInt()).isZero();
        assertThat(json.readTree(again.body()).at("/residentsPosted").asInt()).isZero();
        assertThat(events(employee, YEAR + "-10")).isEqualTo(1);
        assertThat(events(resident, YEAR + "-10")).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select envelope::jsonb -> 'payload' ->> 'accountAllocation' from outbox_event
                where event_type = 'ContributionsCollected' and envelope::jsonb -> 'payload' ->> 'personId' = ?
                  and envelope::jsonb -> 'payload' ->> 'month' = ?""", String.class, employee, YEAR + "-11")).isEqualTo("60.00");
    }

    @Test
    void wageBaseRefusalsNameTheFieldAndChangeNothing() throws Exception {
        String residentWithBase = registered();
        String employeeWithout = registered();
        String belowFloor = registered();

        HttpResponse<String> resident = api.post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"RESIDENT","personType":"RESIDENT","wageBase":"6000.00"}"""
                .formatted(residentWithBase, YEAR));
        HttpResponse<String> without = enrollEmployee(employeeWithout, null);
        HttpResponse<String> low = enrollEmployee(belowFloor, "\"wageBase\":\"1000.00\"");

        for (HttpResponse<String> r : new HttpResponse[] {resident, without, low}) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).at("/errors/0/field").asString()).as(r.body()).isEqualTo("wageBase");
        }
        assertThat(low.body()).contains("3000.00").contains("15000.00");
        assertThat(jdbc.queryForObject("select count(*) from enrollment where person_id in (?, ?, ?)", Integer.class,
                residentWithBase, employeeWithout, belowFloor)).isZero();

        String enrolledResident = registered();
        api.post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"RESIDENT","personType":"RESIDENT"}""".formatted(enrolledResident, YEAR));
        HttpResponse<String> residentChange = change(enrolledResident, """
                {"wageBase":"6000.00","effectiveFrom":"%s","reason":"x"}""".formatted(LocalDate.of(YEAR, 6, 1)));
        assertThat(residentChange.statusCode()).as(residentChange.body()).isEqualTo(400);
        assertThat(json.readTree(residentChange.body()).at("/errors/0/field").asString()).isEqualTo("wageBase");
        assertThat(jdbc.queryForObject("select count(*) from wage_base where person_id = ?", Integer.class, enrolledResident)).isZero();
    }

    @Test
    void aPostingIsRefusedForAMonthNotBegunABadMonthAndAClerk() throws Exception {
        HttpResponse<String> future = post(YearMonth.now(BeijingTime.ZONE).plusMonths(1));
        HttpResponse<String> bad = post("2025-13");
        HttpResponse<String> clerk = api.as(TestCallers.CLERK).post("/api/enrollment/contributions/" + YEAR + "-01/postings", "");

        assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
        assertThat(json.readTree(future.body()).at("/errors/0/field").asString()).isEqualTo("month");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).at("/errors/0/field").asString()).isEqualTo("month");
        assertThat(clerk.statusCode()).as(clerk.body()).isEqualTo(403);
    }

    private static void assertMonth(JsonNode m, String month, String type, String employer, String individual, String toAccount) {
        assertThat(m.at("/month").asString()).isEqualTo(month);
        assertThat(m.at("/personType").asString()).isEqualTo(type);
        assertThat(m.at("/employer").asString()).as(month).isEqualTo(employer);
        assertThat(m.at("/individual").asString()).as(month).isEqualTo(individual);
        assertThat(m.at("/toAccount").asString()).as(month).isEqualTo(toAccount);
    }

    private int events(String person, String month) {
        return jdbc.queryForObject("""
                select count(*) from outbox_event where event_type = 'ContributionsCollected'
                  and envelope::jsonb -> 'payload' ->> 'personId' = ? and envelope::jsonb -> 'payload' ->> 'month' = ?""",
                Integer.class, person, month);
    }

    private HttpResponse<String> post(YearMonth month) {
        return post(month.toString());
    }

    private HttpResponse<String> post(String month) {
        return api.as(TestCallers.MANAGER).post("/api/enrollment/contributions/" + month + "/postings", "");
    }

    private HttpResponse<String> enrollEmployee(String person, String wageBase) {
        return api.as(TestCallers.CLERK).post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"EMPLOYEE","personType":"EMPLOYEE_ACTIVE","tier":"EMPLOYER"%s}"""
                .formatted(person, YEAR, wageBase == null ? "" : "," + wageBase));
    }

    private HttpResponse<String> change(String person, String body) {
        return api.as(TestCallers.CLERK).post("/api/enrollment/persons/" + person + "/enrollments/" + YEAR + "/changes", body);
    }

    private String registered() {
        String first17 = "441702" + "19660303" + String.format("%03d", 101 + 2 * PEOPLE.incrementAndGet());
        String person = first17 + ResidentId.checkCharacter(first17);
        HttpResponse<String> response = api.as(TestCallers.CLERK).post("/api/enrollment/persons", """
                {"personId":"%s","name":"王五","regionCode":"441702"}""".formatted(person));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return person;
    }
}
