package org.yibao.enrollment;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.EventEnvelope;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Enrollment end to end on a real PostgreSQL and Kafka: registration, one basic scheme at a time,
 * contributions and subsidies (also for someone identified by assistance-service, enrolled at once
 * and exactly once), filings, certifications, the e-voucher, statistics, and refusals that change
 * nothing.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentFlowIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;
    private EventPublisher events;

    @BeforeAll
    void clients() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.CLERK);
        events = new EventPublisher(json);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void registersAndEnrollsAResidentAndAnnouncesIt() {
        String person = registered("441702");

        HttpResponse<String> enrolled = api.post("/api/enrollment/enrollments", resident(person));

        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        JsonNode body = json.readTree(enrolled.body());
        assertThat(body.at("/contribution").asString()).isEqualTo("250.00"); // Yangjiang: 250 a person a year
        assertThat(body.at("/subsidy").asString()).isEqualTo("0.00");
        assertThat(outbox("PersonEnrolled", person)).isEqualTo(1);
        JsonNode got = json.readTree(api.get("/api/enrollment/persons/" + person).body());
        assertThat(got.at("/gender").asString()).isEqualTo("MALE");
        assertThat(got.at("/birthDate").asString()).isEqualTo("1970-01-01");
    }

    @Test
    void aSecondBasicSchemeInTheSameYearIsRefusedAndChangesNothing() {
        String person = registered("441702");
        api.post("/api/enrollment/enrollments", resident(person));

        HttpResponse<String> employee = api.post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"EMPLOYEE","personType":"EMPLOYEE_ACTIVE","tier":"EMPLOYER","wageBase":"6000.00"}"""
                .formatted(person, YEAR));

        assertThat(employee.statusCode()).isEqualTo(409);
        assertThat(employee.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(employee.body()).contains("one basic scheme at a time");
        assertThat(jdbc.queryForObject("select scheme from enrollment where person_id = ?", String.class, person))
                .isEqualTo("RESIDENT");
        assertThat(outbox("PersonEnrolled", person)).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        String first17 = "44170219700101" + "999";
        char wrong = ResidentId.checkCharacter(first17) == '1' ? '2' : '1';
        String badCheckDigit = first17 + wrong;
        String future = "441702" + (YEAR + 1) + "0101" + "001";
        String futureBirth = future + ResidentId.checkCharacter(future);
        String person = registered("441702");
        Map<String, String> cases = Map.of(
                """
                {"personId":"%s","name":"王五","regionCode":"441702"}""".formatted(badCheckDigit), "personId",
                """
                {"personId":"%s","name":"王五","regionCode":"441702"}""".formatted(futureBirth), "personId",
                """
                {"personId":"%s","name":"王五","regionCode":"4417"}""".formatted(nextId("441702")), "regionCode");
        cases.forEach((body, field) -> {
            HttpResponse<String> response = api.post("/api/enrollment/persons", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json.readTree(response.body()).at("/errors/0/field").asString()).as(response.body()).isEqualTo(field);
        });
        HttpResponse<String> unknownScheme = api.post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"FARMER","personType":"RESIDENT"}""".formatted(person, YEAR));
        HttpResponse<String> employeeWithoutTier = api.post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"EMPLOYEE","personType":"EMPLOYEE_ACTIVE"}""".formatted(person, YEAR));
        HttpResponse<String> wrongType = api.post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"RESIDENT","personType":"EMPLOYEE_RETIRED"}""".formatted(person, YEAR));

        assertThat(unknownScheme.statusCode()).isEqualTo(400);
        assertThat(unknownScheme.body()).contains("scheme");
        assertThat(json.readTree(employeeWithoutTier.body()).at("/errors/0/field").asString()).isEqualTo("tier");
        assertThat(json.readTree(wrongType.body()).at("/errors/0/field").asString()).isEqualTo("personType");
        assertThat(jdbc.queryForObject("select count(*) from person where person_id in (?, ?)", Integer.class,
                badCheckDigit, futureBirth)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from enrollment where person_id = ?", Integer.class, person)).isZero();
    }

    @Test
    void someoneIdentifiedAsExtremelyPoorIsEnrolledAtOnceFullySubsidisedAndOnlyOnce() {
        String person = nextId("441702");
        EventEnvelope<IntegrationEvent> identified = events.publish(new AssistanceIdentityChanged(person, "441702", null,
                AssistanceCategory.EXTREME_POVERTY, LocalDate.of(YEAR, 1, 1), null, List.of("civil-affairs"), Instant.now()));
        events.publish(identified); // delivered twice

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox("PersonEnrolled", person) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> outbox("PersonEnrolled", person) == 1);
        Map<String, Object> row = jdbc.queryForMap(
                "select scheme, contribution, subsidy, subsidy_category, source, effective_from from enrollment where person_id = ?", person);
        assertThat(row.get("scheme")).isEqualTo("RESIDENT");
        assertThat(row.get("contribution").toString()).isEqualTo("250.00");
        assertThat(row.get("subsidy").toString()).isEqualTo("250.00"); // 特困: in full
        assertThat(row.get("source")).isEqualTo("ASSISTANCE");
        assertThat(row.get("effective_from").toString()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                identified.eventId())).isEqualTo(1);
    }

    @Test
    void anEnrolledResidentIdentifiedAsMinimumLivingGetsTheFixedSubsidy() {
        String person = registered("441702");
        api.post("/api/enrollment/enrollments", resident(person));

        events.publish(new AssistanceIdentityChanged(person, "441702", null, AssistanceCategory.MINIMUM_LIVING,
                LocalDate.of(YEAR, 1, 1), null, List.of("civil-affairs"), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "30.00".equals(jdbc.queryForObject("select subsidy::text from enrollment where person_id = ?", String.class, person)));
        assertThat(outbox("PersonEnrolled", person)).isEqualTo(1);
    }

    @Test
    void someoneIdentifiedWhereNoSubsidyPolicyExistsStaysOnTheNotYetEnrolledList() {
        String person = nextId("110105"); // Beijing: no contribution policy shipped

        events.publish(new AssistanceIdentityChanged(person, "110105", null, AssistanceCategory.MINIMUM_LIVING,
                LocalDate.of(YEAR, 1, 1), null, List.of("civil-affairs"), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from assistance_identity where person_id = ?", Integer.class, person) == 1);
        String list = api.get("/api/enrollment/statistics/identified-not-enrolled?year=" + YEAR).body();
        assertThat(list).contains(person.substring(0, 6)).doesNotContain(person);
        assertThat(jdbc.queryForObject("select count(*) from enrollment where person_id = ?", Integer.class, person)).isZero();
    }

    @Test
    void aFilingIsInForceAtOnceAndItsCancellationIsAnnounced() {
        String person = registered("441702");
        api.post("/api/enrollment/enrollments", resident(person));

        HttpResponse<String> inOwnCity = api.post("/api/enrollment/persons/" + person + "/filings",
                "{\"destinationRegionCode\":\"441700\",\"reason\":\"x\"}");
        HttpResponse<String> filed = api.post("/api/enrollment/persons/" + person + "/filings",
                "{\"destinationRegionCode\":\"440100\",\"reason\":\"长期异地居住\"}");

        assertThat(inOwnCity.statusCode()).isEqualTo(400);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode filing = json.readTree(filed.body());
        assertThat(filing.at("/validFrom").asString()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(outbox("FilingRegistered", person)).isEqualTo(1);

        HttpResponse<String> cancelled = api.post("/api/enrollment/filings/" + filing.at("/filingId").asString() + "/cancellation",
                "{\"reason\":\"returned home\"}");
        HttpResponse<String> again = api.post("/api/enrollment/filings/" + filing.at("/filingId").asString() + "/cancellation",
                "{\"reason\":\"returned home\"}");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(outbox("FilingCancelled", person)).isEqualTo(1);
    }

    @Test
    void aCertificationIsDecidedWithinTenWorkingDaysAndEachStepIsAnnounced() {
        String person = registered("150102");

        HttpResponse<String> applied = api.post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"I10\",\"diseaseName\":\"高血压\"}");
        HttpResponse<String> twice = api.post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"I10\",\"diseaseName\":\"高血压\"}");
        HttpResponse<String> diabetes = api.post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"E11\",\"diseaseName\":\"2型糖尿病\"}");

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(diabetes.statusCode()).isEqualTo(201); // several diseases per person
        JsonNode c = json.readTree(applied.body());
        LocalDate appliedOn = LocalDate.parse(c.at("/appliedOn").asString());
        LocalDate decideBy = LocalDate.parse(c.at("/decideBy").asString());
        assertThat(appliedOn.datesUntil(decideBy.plusDays(1)).skip(1)
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count())
                .isEqualTo(10);

        String id = c.at("/certificationId").asString();
        HttpResponse<String> rejectedWithoutReason = api.post("/api/enrollment/certifications/" + id + "/decision",
                "{\"approved\":false}");
        HttpResponse<String> approved = api.post("/api/enrollment/certifications/" + id + "/decision",
                "{\"approved\":true,\"validTo\":\"%d-12-31\"}".formatted(YEAR + 1));

        assertThat(rejectedWithoutReason.statusCode()).isEqualTo(400);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).at("/status").asString()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_event where event_type = 'CertificationChanged' and envelope like ?""",
                Integer.class, "%" + id + "%")).isEqualTo(2); // PENDING, then APPROVED
    }

    /**
     * Issue 19, item 7: a decision is made once, by the caller the token names, with its reason and
     * validity dates, and announced with them; a rejection needs a reason; an approval cannot end before
     * it starts; a hospital cannot decide.
     */
    @Test
    void aCertificationIsDecidedOnceByTheTokensCallerWithItsReasonAndDates() {
        String person = registered("150102");
        String rejectedId = json.readTree(api.post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"E11\",\"diseaseName\":\"2型糖尿病\"}").body()).at("/certificationId").asString();
        String approvedId = json.readTree(api.post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"J44\",\"diseaseName\":\"慢阻肺\"}").body()).at("/certificationId").asString();

        HttpResponse<String> byHospital = api.as(TestCallers.his("H15010000001")).post("/api/enrollment/certifications/" + rejectedId
                + "/decision", "{\"approved\":true}");
        // a body naming the decider is refused naming the field, and decides nothing (the decider is the token's)
        HttpResponse<String> namingTheDecider = api.post("/api/enrollment/certifications/" + rejectedId + "/decision",
                "{\"approved\":true,\"decidedBy\":\"someone-else\"}");
        assertThat(namingTheDecider.statusCode()).as(namingTheDecider.body()).isEqualTo(400);
        assertThat(namingTheDecider.body()).contains("decidedBy").doesNotContain("CertificationRequests");
        HttpResponse<String> rejected = api.post("/api/enrollment/certifications/" + rejectedId + "/decision",
                "{\"approved\":false,\"reason\":\"糖化血红蛋白未达诊断标准\"}");
        HttpResponse<String> decidedAgain = api.post("/api/enrollment/certifications/" + rejectedId + "/decision", "{\"approved\":true}");
        HttpResponse<String> endsBeforeItStarts = api.post("/api/enrollment/certifications/" + approvedId + "/decision",
                "{\"approved\":true,\"validFrom\":\"%d-03-01\",\"validTo\":\"%d-02-28\"}".formatted(YEAR, YEAR));
        HttpResponse<String> approved = api.post("/api/enrollment/certifications/" + approvedId + "/decision",
                "{\"approved\":true,\"validFrom\":\"%d-03-01\",\"validTo\":\"%d-02-28\"}".formatted(YEAR, YEAR + 1));

        assertThat(byHospital.statusCode()).isEqualTo(403);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        JsonNode r = json.readTree(rejected.body());
        assertThat(r.at("/status").asString()).isEqualTo("REJECTED");
        assertThat(r.at("/decisionReason").asString()).isEqualTo("糖化血红蛋白未达诊断标准");
        assertThat(r.at("/decidedBy").asString()).as("the token's caller, never the body's").isEqualTo("clerk-1");
        assertThat(r.at("/validFrom").isNull() || r.at("/validFrom").isMissingNode()).as("a rejection is never valid").isTrue();
        assertThat(decidedAgain.statusCode()).isEqualTo(409);
        assertThat(endsBeforeItStarts.statusCode()).isEqualTo(400);
        assertThat(endsBeforeItStarts.body()).contains("validTo");
        JsonNode a = json.readTree(approved.body());
        assertThat(a.at("/status").asString()).isEqualTo("APPROVED");
        assertThat(a.at("/validFrom").asString()).isEqualTo(YEAR + "-03-01");
        assertThat(a.at("/validTo").asString()).isEqualTo((YEAR + 1) + "-02-28");
        String announced = jdbc.queryForObject("""
                select envelope from outbox_event where event_type = 'CertificationChanged' and envelope like ? and envelope like '%REJECTED%'""",
                String.class, "%" + rejectedId + "%");
        assertThat(announced).contains("\"diseaseCode\":\"E11\"").contains(person);
        String approval = jdbc.queryForObject("""
                select envelope from outbox_event where event_type = 'CertificationChanged' and envelope like ? and envelope like '%APPROVED%'""",
                String.class, "%" + approvedId + "%");
        assertThat(approval).contains(YEAR + "-03-01").contains((YEAR + 1) + "-02-28");
    }

    @Test
    void anUndecidedApplicationPastItsDeadlineIsListedAsOverdue() {
        String person = registered("150102");
        String id = json.readTree(api.post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"J44\",\"diseaseName\":\"慢阻肺\"}").body()).at("/certificationId").asString();
        jdbc.update("update certification set applied_on = applied_on - 30, decide_by = decide_by - 30 where certification_id = ?::uuid", id);

        String overdue = api.get("/api/enrollment/certifications/overdue").body();

        assertThat(overdue).contains(id);
    }

    @Test
    void theDecisionQueueListsPendingApplicationsOverdueFirstWithTheWorkingDaysLeft() {
        String person = registered("150103");
        String overdue = json.readTree(api.post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"J44\",\"diseaseName\":\"慢阻肺\"}").body()).at("/certificationId").asString();
        String fresh = json.readTree(api.post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"I10\",\"diseaseName\":\"高血压\"}").body()).at("/certificationId").asString();
        jdbc.update("update certification set applied_on = applied_on - 30, decide_by = decide_by - 30 where certification_id = ?::uuid",
                overdue);

        HttpResponse<String> response = api.get("/api/enrollment/certifications?status=PENDING&limit=200");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode queue = json.readTree(response.body());
        assertThat(queue.at("/total").asLong()).isEqualTo(
                jdbc.queryForObject("select count(*) from certification where status = 'PENDING'", Long.class));
        List<JsonNode> rows = new java.util.ArrayList<>();
        queue.at("/certifications").forEach(rows::add);
        assertThat(rows).allSatisfy(c -> assertThat(c.at("/status").asString()).isEqualTo("PENDING"));
        // overdue first, then by deadline
        int firstOnTime = (int) rows.stream().takeWhile(c -> c.at("/overdue").asBoolean()).count();
        assertThat(rows.subList(firstOnTime, rows.size())).noneSatisfy(c -> assertThat(c.at("/overdue").asBoolean()).isTrue());
        assertThat(rows.stream().map(c -> c.at("/decideBy").asString()).toList()).isSorted();
        JsonNode late = rows.stream().filter(c -> c.at("/certificationId").asString().equals(overdue)).findFirst().orElseThrow();
        JsonNode onTime = rows.stream().filter(c -> c.at("/certificationId").asString().equals(fresh)).findFirst().orElseThrow();
        assertThat(rows.indexOf(late)).isLessThan(rows.indexOf(onTime));
        assertThat(late.at("/overdue").asBoolean()).isTrue();
        // the deadline moved 30 days back: minus the Mondays to Fridays after it up to today
        LocalDate deadline = LocalDate.parse(late.at("/decideBy").asString());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long weekdaysSince = deadline.plusDays(1).datesUntil(today.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
        assertThat(late.at("/workingDaysLeft").asInt()).isEqualTo((int) -Math.max(1, weekdaysSince)).isNegative();
        assertThat(onTime.at("/overdue").asBoolean()).isFalse();
        assertThat(onTime.at("/workingDaysLeft").asInt()).isEqualTo(10); // applied today: ten working days to decide
        assertThat(onTime.at("/diseaseCode").asString()).isEqualTo("I10");

        JsonNode secondPage = json.readTree(api.get("/api/enrollment/certifications?limit=1&offset=1").body());
        assertThat(secondPage.at("/certifications").size()).isEqualTo(1);
        assertThat(secondPage.at("/certifications/0/certificationId").asString()).isEqualTo(rows.get(1).at("/certificationId").asString());
        assertThat(secondPage.at("/total").asLong()).isEqualTo(queue.at("/total").asLong());
        for (String[] bad : new String[][] {{"status=APPROVED", "status"}, {"status=LATE", "status"}, {"limit=0", "limit"},
                {"limit=201", "limit"}, {"offset=-1", "offset"}}) {
            HttpResponse<String> refused = api.get("/api/enrollment/certifications?" + bad[0]);
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"" + bad[1] + "\"");
        }
    }

    @Test
    void personsAreFoundByTheBeginningOfTheirNameOrTheEndOfTheirIdPageByPage() {
        String family = "Qz" + (char) ('a' + PEOPLE.get() % 26) + Long.toString(System.nanoTime() % 1_000_000_000L, 26)
                .replaceAll("[0-9]", "q");
        String carol = registered("441702", family + "c");
        String alice = registered("441702", family + "a");
        String bob = registered("441703", family + "b");

        JsonNode first = json.readTree(api.get("/api/enrollment/person-search?q=" + family + "&limit=2").body());
        JsonNode second = json.readTree(api.get("/api/enrollment/person-search?q=" + family + "&limit=2&offset=2").body());
        JsonNode inRegion = json.readTree(api.get("/api/enrollment/person-search?q=" + family + "&region=441703").body());
        JsonNode inCity = json.readTree(api.get("/api/enrollment/person-search?q=" + family + "&region=441700").body());

        assertThat(first.at("/total").asLong()).isEqualTo(3);
        assertThat(first.at("/persons").size()).isEqualTo(2);
        assertThat(first.at("/persons/0/personId").asString()).isEqualTo(alice); // by name: …a, …b, …c
        assertThat(first.at("/persons/0/name").asString()).isEqualTo(family + "a");
        assertThat(first.at("/persons/1/personId").asString()).isEqualTo(bob);
        assertThat(second.at("/total").asLong()).isEqualTo(3);
        assertThat(second.at("/persons").size()).isEqualTo(1);
        assertThat(second.at("/persons/0/personId").asString()).isEqualTo(carol);
        assertThat(inRegion.at("/total").asLong()).isEqualTo(1);
        assertThat(inRegion.at("/persons/0/personId").asString()).isEqualTo(bob);
        assertThat(inCity.at("/total").asLong()).isEqualTo(3);

        JsonNode byId = json.readTree(api.get("/api/enrollment/person-search?q=" + bob).body());
        assertThat(byId.at("/total").asLong()).isEqualTo(1);
        assertThat(byId.at("/persons/0/personId").asString()).isEqualTo(bob);
        String lastDigits = bob.substring(6);
        JsonNode byEnd = json.readTree(api.get("/api/enrollment/person-search?q=" + lastDigits + "&limit=200").body());
        assertThat(byEnd.at("/total").asLong()).isPositive();
        List<String> ids = new java.util.ArrayList<>();
        byEnd.at("/persons").forEach(p -> ids.add(p.at("/personId").asString()));
        assertThat(ids).contains(bob).allSatisfy(id -> assertThat(id).endsWith(lastDigits));
        assertThat(api.as(TestCallers.AUDITOR)
                .get("/api/enrollment/person-search?q=" + family).statusCode()).isEqualTo(200);

        for (String[] bad : new String[][] {{"q=", "q"}, {"q=a%27%3B--", "q"}, {"q=12", "q"}, {"q=" + "x".repeat(51), "q"},
                {"q=" + bob.substring(0, 17) + (bob.charAt(17) == '1' ? '2' : '1'), "q"}, {"q=" + family + "&region=44", "region"},
                {"q=" + family + "&limit=0", "limit"}, {"q=" + family + "&limit=201", "limit"}, {"q=" + family + "&offset=-1", "offset"}}) {
            HttpResponse<String> refused = api.get("/api/enrollment/person-search?" + bad[0]);
            assertThat(refused.statusCode()).as(bad[0] + " " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"" + bad[1] + "\"");
        }
    }

    @Test
    void anEVoucherTokenIsExchangedOnceForThePerson() {
        String person = registered("441702");
        HttpResponse<String> notActive = api.post("/api/enrollment/persons/" + person + "/evoucher/tokens", "");
        api.post("/api/enrollment/enrollments", resident(person));

        assertThat(notActive.statusCode()).isEqualTo(422);
        assertThat(api.post("/api/enrollment/persons/" + person + "/evoucher", "").statusCode()).isEqualTo(200);
        HttpResponse<String> issued = api.post("/api/enrollment/persons/" + person + "/evoucher/tokens", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = json.readTree(issued.body()).at("/token").asString();

        HttpResponse<String> exchanged = api.as(TestCallers.his("H44170000003")).post("/api/enrollment/evoucher/exchanges",
                "{\"token\":\"%s\",\"institutionCode\":\"H44170000003\"}".formatted(token));
        HttpResponse<String> reused = api.as(TestCallers.his("H44170000003")).post("/api/enrollment/evoucher/exchanges",
                "{\"token\":\"%s\",\"institutionCode\":\"H44170000003\"}".formatted(token));

        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        assertThat(json.readTree(exchanged.body()).at("/personId").asString()).isEqualTo(person);
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from evoucher_token where token_hash = ?", Integer.class, token)).isZero();
    }

    @Test
    void statisticsCountEnrolledPeopleAgainstTheRegisteredPopulation() {
        String region = "441781"; // a district used by this test only
        for (int i = 0; i < 3; i++) {
            api.post("/api/enrollment/enrollments", resident(registered(region)));
        }
        assertThat(api.as(TestCallers.MANAGER).put("/api/enrollment/regions/" + region + "/population/" + YEAR, "{\"population\":4}").statusCode())
                .isEqualTo(200);

        JsonNode stats = json.readTree(api.get("/api/enrollment/statistics?year=" + YEAR).body());

        JsonNode coverage = null;
        for (JsonNode c : stats.at("/coverage")) {
            if (c.at("/regionCode").asString().equals(region)) {
                coverage = c;
            }
        }
        assertThat(coverage).isNotNull();
        assertThat(coverage.at("/enrolled").asLong()).isEqualTo(3);
        assertThat(coverage.at("/coverageRate").decimalValue()).isEqualByComparingTo("75.00");
        JsonNode residents = null;
        for (JsonNode e : stats.at("/enrolled")) {
            if (e.at("/regionCode").asString().equals(region) && e.at("/scheme").asString().equals("RESIDENT")) {
                residents = e;
            }
        }
        assertThat(residents).isNotNull();
        // three residents at Yangjiang's 250 a year, none subsidised
        assertThat(new java.math.BigDecimal(residents.at("/contributions").asString())).isEqualByComparingTo("750.00");
        assertThat(new java.math.BigDecimal(residents.at("/subsidies").asString())).isEqualByComparingTo("0.00");
    }

    @Test
    void listsMaskIdsAndNames() {
        String person = registered("441703");

        String list = api.get("/api/enrollment/persons?region=441703").body();

        assertThat(list).doesNotContain(person).contains(person.substring(0, 6)).contains("张*");
    }

    @Test
    void aBulkFileLandsItsGoodRowsWholeAndReportsEachBadRow() {
        String a = nextId("441702");
        String b = nextId("441702");
        String c = nextId("500116");
        String badFirst17 = "44170219700101" + "997";
        String badCheck = badFirst17 + (ResidentId.checkCharacter(badFirst17) == '1' ? '2' : '1');
        String file = String.join("\n",
                "personId,name,regionCode,year,scheme,personType,tier,effectiveFrom,wageBase",
                a + ",李四,441702," + YEAR + ",RESIDENT,RESIDENT,,,",
                b + ",王五,441702," + YEAR + ",RESIDENT,RESIDENT,," + YEAR + "-03-01,",
                c + ",赵六,500116," + YEAR + ",EMPLOYEE,EMPLOYEE_RETIRED,INDIVIDUAL_TIER_1,,",
                badCheck + ",钱七,441702," + YEAR + ",RESIDENT,RESIDENT,,,",
                nextId("441702") + ",孙八,441702," + YEAR + ",FARMER,RESIDENT,,,",
                a + ",李四,441702," + YEAR + ",EMPLOYEE,EMPLOYEE_ACTIVE,EMPLOYER,,6000.00") + "\n";

        JsonNode report = json.readTree(importCsv(file).body());
        JsonNode again = json.readTree(importCsv(file).body());

        assertThat(report.at("/rows").asLong()).isEqualTo(6);
        assertThat(report.at("/imported").asLong()).isEqualTo(3);
        assertThat(report.at("/rejected").asLong()).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/line").asLong()).isEqualTo(5);
        assertThat(report.at("/rejectedRows/0/field").asString()).isEqualTo("personId");
        assertThat(report.at("/rejectedRows/1/field").asString()).isEqualTo("scheme");
        assertThat(report.at("/rejectedRows/2/line").asLong()).isEqualTo(7); // the second row for the same person
        assertThat(jdbc.queryForObject("select count(*) from enrollment where person_id in (?, ?, ?)", Integer.class, a, b, c))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select scheme from enrollment where person_id = ?", String.class, a)).isEqualTo("RESIDENT");
        assertThat(jdbc.queryForObject("select tier from enrollment where person_id = ?", String.class, c))
                .isEqualTo("INDIVIDUAL_TIER_1");
        assertThat(outbox("PersonEnrolled", a) + outbox("PersonEnrolled", b) + outbox("PersonEnrolled", c)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from person where person_id = ?", Integer.class, badCheck)).isZero();
        // re-sending the file changes nothing
        assertThat(again.at("/imported").asLong()).isZero();
        assertThat(again.at("/rejected").asLong()).isEqualTo(6);
        assertThat(outbox("PersonEnrolled", a) + outbox("PersonEnrolled", b) + outbox("PersonEnrolled", c)).isEqualTo(3);
    }

    /**
     * Issue 22: an imported active employee brings the monthly wage base the contributions are posted on
     * (Yangjiang 2019 rates: 6,000.00 a month); a row without it, a resident's row with one, one outside the
     * region's range or not an amount is refused naming wageBase; a file of the earlier header (no wageBase
     * column) still imports residents and retirees.
     */
    @Test
    void anImportedEmployeeBringsAWageBaseAndARowWithoutOneIsRefusedNamingIt() {
        String employee = nextId("441702");
        String withoutBase = nextId("441702");
        String residentWithBase = nextId("441702");
        String tooLow = nextId("441702");
        String notAnAmount = nextId("441702");
        String file = String.join("\n",
                "personId,name,regionCode,year,scheme,personType,tier,effectiveFrom,wageBase",
                employee + ",周一,441702," + YEAR + ",EMPLOYEE,EMPLOYEE_ACTIVE,EMPLOYER,,6000.00",
                withoutBase + ",吴二,441702," + YEAR + ",EMPLOYEE,EMPLOYEE_ACTIVE,EMPLOYER,,",
                residentWithBase + ",郑三,441702," + YEAR + ",RESIDENT,RESIDENT,,,6000.00",
                tooLow + ",冯四,441702," + YEAR + ",EMPLOYEE,EMPLOYEE_ACTIVE,EMPLOYER,,1.00",
                notAnAmount + ",陈五,441702," + YEAR + ",EMPLOYEE,EMPLOYEE_ACTIVE,EMPLOYER,,6千") + "\n";
        String oldResident = nextId("441702");
        String oldEmployee = nextId("441702");
        String oldFile = String.join("\n", "personId,name,regionCode,year,scheme,personType,tier,effectiveFrom",
                oldResident + ",褚六,441702," + YEAR + ",RESIDENT,RESIDENT,,",
                oldEmployee + ",卫七,441702," + YEAR + ",EMPLOYEE,EMPLOYEE_ACTIVE,EMPLOYER,") + "\n";

        JsonNode report = json.readTree(importCsv(file).body());
        JsonNode old = json.readTree(importCsv(oldFile).body());

        assertThat(report.at("/imported").asLong()).isEqualTo(1);
        assertThat(report.at("/rejected").asLong()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(report.at("/rejectedRows/" + i + "/field").asString()).as(report.toString()).isEqualTo("wageBase");
        }
        assertThat(jdbc.queryForObject("select wage_base::text from wage_base where person_id = ?", String.class, employee))
                .isEqualTo("6000.00");
        assertThat(jdbc.queryForObject("select count(*) from enrollment where person_id in (?, ?, ?, ?)", Integer.class,
                withoutBase, residentWithBase, tooLow, notAnAmount)).isZero();
        assertThat(old.at("/imported").asLong()).isEqualTo(1);
        assertThat(old.at("/rejectedRows/0/field").asString()).isEqualTo("wageBase");
        assertThat(old.at("/rejectedRows/0/reason").asString()).contains("no wageBase column");
    }

    @Test
    void comparingAnotherRegistrysListReportsWhoIsEnrolledOnBothSides() {
        String enrolledHere = registered("441702");
        api.post("/api/enrollment/enrollments", resident(enrolledHere));
        String onlyThere = nextId("440104");
        String list = String.join("\n", "personId,scheme,regionCode,year",
                enrolledHere + ",EMPLOYEE,440104," + YEAR,
                onlyThere + ",EMPLOYEE,440104," + YEAR,
                enrolledHere + ",EMPLOYEE,440104," + (YEAR - 1),
                "12345,EMPLOYEE,440104," + YEAR) + "\n";

        JsonNode report = json.readTree(api.post("/api/enrollment/duplicate-checks", "text/csv", list).body());

        assertThat(report.at("/rows").asLong()).isEqualTo(4);
        assertThat(report.at("/duplicates").asLong()).isEqualTo(1);
        assertThat(report.at("/listed/0/line").asLong()).isEqualTo(2);
        assertThat(report.at("/listed/0/ourScheme").asString()).isEqualTo("RESIDENT");
        assertThat(report.at("/listed/0/theirScheme").asString()).isEqualTo("EMPLOYEE");
        assertThat(report.at("/listed/0/personId").asString()).isNotEqualTo(enrolledHere).startsWith("4417").endsWith(enrolledHere.substring(14));
        assertThat(report.at("/invalidRows/0/line").asLong()).isEqualTo(5);
    }

    /**
     * Finding 6 of the security review: a list saved by Excel on Chinese Windows (GBK) was stored as
     * U+FFFD, with or without a charset; an id typed with full-width digits was refused, and a 15-digit
     * pre-1999 id too.
     */
    @Test
    void anExcelFileInGbkIsStoredRightWithOrWithoutItsCharsetAndIdsAreReadAsTyped() {
        String declared = nextId("441702");
        String undeclared = nextId("441702");
        String fullWidth = nextId("441702");
        String typedFullWidth = fullWidth.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) (c - '0' + '０'))
                : c == 'X' ? "Ｘ" : String.valueOf((char) c)).collect(java.util.stream.Collectors.joining());
        String header = "personId,name,regionCode,year,scheme,personType,tier,effectiveFrom\r\n";
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");

        JsonNode withCharset = json.readTree(upload("text/csv; charset=GBK",
                (header + declared + ",李四,441702," + YEAR + ",RESIDENT,RESIDENT,,\r\n").getBytes(gbk)).body());
        JsonNode withoutCharset = json.readTree(upload("text/csv",
                (header + undeclared + ",王小二,441702," + YEAR + ",RESIDENT,RESIDENT,,\r\n"
                        + " " + typedFullWidth + " ,赵四,441702," + YEAR + ",RESIDENT,RESIDENT,,\r\n").getBytes(gbk)).body());
        HttpResponse<String> gbkSentAsUtf8 = upload("text/csv; charset=UTF-8",
                (header + nextId("441702") + ",钱五,441702," + YEAR + ",RESIDENT,RESIDENT,,\r\n").getBytes(gbk));
        HttpResponse<String> workbook = upload("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                new byte[] {'P', 'K', 3, 4, 20, 0});

        assertThat(withCharset.at("/imported").asLong()).as(withCharset.toString()).isEqualTo(1);
        assertThat(withoutCharset.at("/imported").asLong()).as(withoutCharset.toString()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select name from person where person_id = ?", String.class, declared)).isEqualTo("李四");
        assertThat(jdbc.queryForObject("select name from person where person_id = ?", String.class, undeclared)).isEqualTo("王小二");
        assertThat(jdbc.queryForObject("select name from person where person_id = ?", String.class, fullWidth)).isEqualTo("赵四");
        JsonNode refused = json.readTree(gbkSentAsUtf8.body());
        assertThat(refused.at("/rejected").asLong()).isEqualTo(1);
        assertThat(refused.at("/rejectedRows/0/reason").asString()).contains("line 2").contains("not valid UTF-8");
        assertThat(jdbc.queryForObject("select count(*) from person where name like ?", Integer.class, "%\uFFFD%")).isZero();
        assertThat(workbook.statusCode()).isEqualTo(415);
        assertThat(workbook.body()).contains("text/csv");
    }

    @Test
    void aPreMillenniumFifteenDigitIdIsConvertedToItsEighteenDigitForm() {
        String first17 = "441702" + "19" + "490101" + String.format("%03d", 300 + PEOPLE.incrementAndGet() % 300);
        String eighteen = first17 + ResidentId.checkCharacter(first17);
        String fifteen = eighteen.substring(0, 6) + eighteen.substring(8, 17);

        HttpResponse<String> registered = api.post("/api/enrollment/persons", """
                {"personId":"%s","name":"老张","regionCode":"441702"}""".formatted(fifteen));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from person where person_id = ?", Integer.class, eighteen)).isEqualTo(1);
        assertThat(api.get("/api/enrollment/persons/" + fifteen).statusCode()).isEqualTo(200);
    }

    @Test
    void aFileWithTheWrongHeaderIsRefusedWhole() {
        HttpResponse<String> response = importCsv("id,name\n" + nextId("441702") + ",张三\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("header");
    }

    // --- helpers ---

    private HttpResponse<String> upload(String contentType, byte[] body) {
        return api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/enrollment/imports")).header("Content-Type", contentType)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> importCsv(String file) {
        return api.post("/api/enrollment/imports", "text/csv; charset=utf-8", file);
    }

    private String registered(String region) {
        return registered(region, "张三");
    }

    private String registered(String region, String name) {
        String person = nextId(region);
        HttpResponse<String> response = api.post("/api/enrollment/persons", """
                {"personId":"%s","name":"%s","regionCode":"%s"}""".formatted(person, name, region));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return person;
    }

    private String resident(String person) {
        return """
                {"personId":"%s","year":%d,"scheme":"RESIDENT","personType":"RESIDENT"}""".formatted(person, YEAR);
    }

    private static String nextId(String region) {
        String first17 = region + "19700101" + String.format("%03d", 101 + 2 * (PEOPLE.incrementAndGet() % 440));
        return first17 + ResidentId.checkCharacter(first17);
    }

    private int outbox(String type, String person) {
        return jdbc.queryForObject("select count(*) from outbox_event where event_type = ? and envelope like ?",
                Integer.class, type, "%" + person + "%");
    }
}
