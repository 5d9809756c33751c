package org.yibao.enrollment;

import org.junit.jupiter.api.AfterAll;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enrollment's facts over time (issue 22): a change applies from its date on and leaves what was
 * true before as it was; each period changed is announced with the day it begins.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentChangesIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.now(BeijingTime.ZONE);
    private static final int YEAR = TODAY.getYear();

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

    @AfterAll
    void close() {
    }

    /**
     * The input on enrollment's side: an active employee retires from a date; the coverage start
     * does not move, the periods show active then retired, and EnrollmentChanged says from when.
     */
    @Test
    void aRetirementAppliesFromItsDateAndLeavesTheMonthsBeforeAsTheyWere() {
        String person = enrolledEmployee();

        HttpResponse<String> changed = change(person, YEAR, """
                {"personType":"EMPLOYEE_RETIRED","effectiveFrom":"%s","reason":"retired"}""".formatted(LocalDate.of(YEAR, 11, 1)));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).at("/effectiveFrom").asString()).isEqualTo(YEAR + "-01-01");
        assertThat(periods(person, YEAR)).containsExactly(
                YEAR + "-01-01 EMPLOYEE_ACTIVE ACTIVE", YEAR + "-11-01 EMPLOYEE_RETIRED ACTIVE");
        assertThat(changedFrom(person)).containsExactly(YEAR + "-11-01");
    }

    /** A change without a date applies from today, not from the first of the year. */
    @Test
    void aChangeWithoutADateAppliesFromToday() {
        String person = enrolledResident(LocalDate.of(YEAR, 1, 1));

        HttpResponse<String> changed = change(person, YEAR, """
                {"status":"SUSPENDED","reason":"contribution unpaid"}""");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        String today = TODAY.toString();
        if (TODAY.equals(LocalDate.of(YEAR, 1, 1))) {
            assertThat(periods(person, YEAR)).containsExactly(today + " RESIDENT SUSPENDED");
        } else {
            assertThat(periods(person, YEAR)).containsExactly(YEAR + "-01-01 RESIDENT ACTIVE", today + " RESIDENT SUSPENDED");
        }
        assertThat(changedFrom(person)).containsExactly(today);
    }

    /**
     * A back-dated change applies to the later periods too, for the fields it gives: suspended from
     * 1 September, then a correction "retired from 1 June" makes June-August retired and active, and
     * September on retired and suspended; each period changed is announced.
     */
    @Test
    void aBackDatedChangeCarriesItsFieldsIntoLaterPeriods() {
        String person = enrolledEmployee();
        change(person, YEAR, """
                {"status":"SUSPENDED","effectiveFrom":"%s","reason":"left the employer"}""".formatted(LocalDate.of(YEAR, 9, 1)));

        HttpResponse<String> corrected = change(person, YEAR, """
                {"personType":"EMPLOYEE_RETIRED","effectiveFrom":"%s","reason":"retirement registered late"}"""
                .formatted(LocalDate.of(YEAR, 6, 1)));

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(periods(person, YEAR)).containsExactly(
                YEAR + "-01-01 EMPLOYEE_ACTIVE ACTIVE",
                YEAR + "-06-01 EMPLOYEE_RETIRED ACTIVE",
                YEAR + "-09-01 EMPLOYEE_RETIRED SUSPENDED");
        assertThat(changedFrom(person)).containsExactlyInAnyOrder(YEAR + "-09-01", YEAR + "-06-01", YEAR + "-09-01");
        JsonNode now = json.readTree(corrected.body());
        assertThat(now.at("/personType").asString()).isEqualTo("EMPLOYEE_RETIRED");
        assertThat(now.at("/status").asString()).isEqualTo("SUSPENDED");
    }

    /**
     * A back-dated change stops at a later period that set the field itself: suspended from 1 March, terminated from
     * 1 September (a death), then "active again from 1 June" (arrears paid) makes June-August active and leaves the
     * termination as it was; and a correction "active employee from 1 March" does not undo a retirement from 1 November.
     */
    @Test
    void aBackDatedChangeDoesNotOverwriteALaterPeriodThatSetTheFieldItself() {
        String person = enrolledEmployee();
        change(person, YEAR, """
                {"status":"SUSPENDED","effectiveFrom":"%s","reason":"arrears"}""".formatted(LocalDate.of(YEAR, 3, 1)));
        change(person, YEAR, """
                {"status":"TERMINATED","effectiveFrom":"%s","reason":"died"}""".formatted(LocalDate.of(YEAR, 9, 1)));
        change(person, YEAR, """
                {"personType":"EMPLOYEE_RETIRED","effectiveFrom":"%s","reason":"retired"}""".formatted(LocalDate.of(YEAR, 11, 1)));

        change(person, YEAR, """
                {"status":"ACTIVE","effectiveFrom":"%s","reason":"arrears paid"}""".formatted(LocalDate.of(YEAR, 6, 1)));
        change(person, YEAR, """
                {"personType":"EMPLOYEE_ACTIVE","effectiveFrom":"%s","reason":"correction"}""".formatted(LocalDate.of(YEAR, 3, 1)));

        assertThat(periods(person, YEAR)).containsExactly(
                YEAR + "-01-01 EMPLOYEE_ACTIVE ACTIVE",
                YEAR + "-03-01 EMPLOYEE_ACTIVE SUSPENDED",
                YEAR + "-06-01 EMPLOYEE_ACTIVE ACTIVE",
                YEAR + "-09-01 EMPLOYEE_ACTIVE TERMINATED",
                YEAR + "-11-01 EMPLOYEE_RETIRED TERMINATED");
    }

    /** Dates outside the enrollment are refused (400) naming effectiveFrom; a change that changes nothing announces nothing. */
    @Test
    void aChangeOutsideTheEnrollmentIsRefusedAndAChangeToTheSameFactsIsNotAnnounced() {
        String person = enrolledResident(LocalDate.of(YEAR, 3, 1));

        HttpResponse<String> beforeStart = change(person, YEAR, """
                {"status":"SUSPENDED","effectiveFrom":"%s","reason":"x"}""".formatted(LocalDate.of(YEAR, 2, 28)));
        HttpResponse<String> otherYear = change(person, YEAR, """
                {"status":"SUSPENDED","effectiveFrom":"%s","reason":"x"}""".formatted(LocalDate.of(YEAR + 1, 1, 1)));
        HttpResponse<String> employeeType = change(person, YEAR, """
                {"personType":"EMPLOYEE_RETIRED","effectiveFrom":"%s","reason":"x"}""".formatted(LocalDate.of(YEAR, 4, 1)));
        HttpResponse<String> same = change(person, YEAR, """
                {"status":"ACTIVE","effectiveFrom":"%s","reason":"no change"}""".formatted(LocalDate.of(YEAR, 4, 1)));

        assertThat(beforeStart.statusCode()).isEqualTo(400);
        assertThat(json.readTree(beforeStart.body()).at("/errors/0/field").asString()).isEqualTo("effectiveFrom");
        assertThat(beforeStart.body()).contains(YEAR + "-03-01");
        assertThat(otherYear.statusCode()).isEqualTo(400);
        assertThat(json.readTree(otherYear.body()).at("/errors/0/field").asString()).isEqualTo("effectiveFrom");
        assertThat(json.readTree(employeeType.body()).at("/errors/0/field").asString()).isEqualTo("personType");
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(periods(person, YEAR)).containsExactly(YEAR + "-03-01 RESIDENT ACTIVE");
        assertThat(changedFrom(person)).isEmpty();
    }

    @Test
    void thePeriodsOfAnEnrollmentThatDoesNotExistAreNotFound() {
        String person = registered();
        assertThat(api.get("/api/enrollment/persons/" + person + "/enrollments/" + YEAR + "/periods").statusCode()).isEqualTo(404);
    }

    private List<String> periods(String person, int year) {
        HttpResponse<String> response = api.get("/api/enrollment/persons/" + person + "/enrollments/" + year + "/periods");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).valueStream()
                .map(p -> p.at("/validFrom").asString() + " " + p.at("/personType").asString() + " " + p.at("/status").asString())
                .toList();
    }

    /** The effective dates of the EnrollmentChanged events announced for the person. */
    private List<String> changedFrom(String person) {
        return jdbc.queryForList("""
                        select envelope::jsonb -> 'payload' ->> 'effectiveFrom' from outbox_event
                        where event_type = 'EnrollmentChanged' and envelope like ?""",
                String.class, "%" + person + "%");
    }

    private HttpResponse<String> change(String person, int year, String body) {
        return api.post("/api/enrollment/persons/" + person + "/enrollments/" + year + "/changes", body);
    }

    private String enrolledEmployee() {
        String person = registered();
        HttpResponse<String> enrolled = api.post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"EMPLOYEE","personType":"EMPLOYEE_ACTIVE","tier":"EMPLOYER","wageBase":"6000.00"}"""
                .formatted(person, YEAR));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        return person;
    }

    private String enrolledResident(LocalDate from) {
        String person = registered();
        HttpResponse<String> enrolled = api.post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"RESIDENT","personType":"RESIDENT","effectiveFrom":"%s"}"""
                .formatted(person, YEAR, from));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        return person;
    }

    private String registered() {
        String first17 = "441702" + "19720101" + String.format("%03d", 101 + 2 * (PEOPLE.incrementAndGet() % 440));
        String person = first17 + ResidentId.checkCharacter(first17);
        HttpResponse<String> response = api.post("/api/enrollment/persons", """
                {"personId":"%s","name":"李四","regionCode":"441702"}""".formatted(person));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return person;
    }
}
