package org.yibao.settlement.maternity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.EmploymentTier;
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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Maternity insurance (生育保险, issue 22) on a real PostgreSQL and Kafka: a delivery settled by its fixed amount,
 * the maternity allowance granted with its calculation's parts and announced through the outbox, refusals that
 * name the field and change nothing, and the fund report's maternity spending. Zhumadian's employee pack
 * (zhumadian-2021-employee.yml): caesarean at level 2 3,500.00; leave 98 + 15 difficult + 15 per extra baby + 60.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaternityIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String HOSPITAL = "H41170000201"; // Zhumadian, level 2
    private static final int YEAR = LocalDate.now().getYear();

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;
    private EventPublisher events;

    @BeforeAll
    void hospitalExists() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.CLERK);
        events = new EventPublisher(json);
        events.publish(new InstitutionStatusChanged(HOSPITAL, "驻马店市某医院", "411700", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_2, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from institution_period where code = ?", Integer.class, HOSPITAL) > 0);
    }

    @AfterAll
    void closeClients() {
        events.close();
    }

    @Test
    void aCaesareanIsSettledByItsFixedAmountAndNeedsItsKind() throws Exception {
        String person = enrolled("411702", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE);

        HttpResponse<String> withoutKind = api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/settlements",
                delivery("msg-" + UUID.randomUUID(), person, null));
        HttpResponse<String> settled = api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/settlements",
                delivery("msg-" + UUID.randomUUID(), person, "CAESAREAN"));

        HttpResponse<String> kindOnAVisit = api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/settlements",
                delivery("msg-" + UUID.randomUUID(), person, "NATURAL").replace("\"DELIVERY\"", "\"GENERAL_OUTPATIENT\""));

        assertThat(withoutKind.statusCode()).as(withoutKind.body()).isEqualTo(400);
        assertThat(withoutKind.body()).contains("deliveryKind");
        assertThat(kindOnAVisit.statusCode()).as(kindOnAVisit.body()).isEqualTo(400);
        assertThat(kindOnAVisit.body()).contains("deliveryKind", "is for a DELIVERY only");
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(201);
        JsonNode body = json.readTree(settled.body());
        // 10 sessions x 400.00 = 4,000.00, all class A in scope; the fund pays the caesarean's 3,500.00 at level 2;
        // 500.00 cash
        assertThat(body.at("/amounts/total").asString()).isEqualTo("4000.00");
        assertThat(body.at("/amounts/basicFund").asString()).isEqualTo("3500.00");
        assertThat(body.at("/amounts/deductible").asString()).isEqualTo("0.00");
        assertThat(body.at("/amounts/cash").asString()).isEqualTo("500.00");
        assertThat(body.at("/policyPack").asString()).isEqualTo("zhumadian-2021-employee@2");
        assertThat(jdbc.queryForObject("select count(*) from settlement where person_id = ?", Integer.class, person)).isEqualTo(1);
    }

    @Test
    void anAllowanceIsComputedRecordedAndAnnounced() throws Exception {
        String person = enrolled("411702", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE);

        // a caesarean of twins: 98 + 15 + 15 + 60 (Henan) = 188 days; 4,500.00 / 30 x 188 = 28,200.00
        HttpResponse<String> response = api.post("/api/settlement/maternity-allowances",
                application(person, LocalDate.now(), "CAESAREAN", 2, "4500.00", 188));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.at("/amount").asString()).isEqualTo("28200.00");
        assertThat(body.at("/leaveDays").asInt()).isEqualTo(188);
        assertThat(body.at("/baseDays").asInt()).isEqualTo(98);
        assertThat(body.at("/difficultDays").asInt()).isEqualTo(15);
        assertThat(body.at("/extraBabyDays").asInt()).isEqualTo(15);
        assertThat(body.at("/regionDays").asInt()).isEqualTo(60);
        assertThat(body.at("/decidedBy").asString()).isEqualTo(TestCallers.CLERK.clientId());
        assertThat(body.at("/policyPack").asString()).isEqualTo("zhumadian-2021-employee@2");
        String id = body.at("/id").asString();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'MaternityAllowanceGranted'"
                + " and envelope like ?", Integer.class, "%" + id + "%")).isEqualTo(1);
        assertThat(api.get("/api/settlement/persons/" + person + "/maternity-allowances").body()).contains(id, "28200.00");

        // the same delivery again: 409, nothing more written
        HttpResponse<String> again = api.post("/api/settlement/maternity-allowances",
                application(person, LocalDate.now(), "CAESAREAN", 2, "4500.00", 188));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(allowancesOf(person)).isEqualTo(1);
    }

    @Test
    void refusalsNameTheFieldAndChangeNothing() throws Exception {
        String employee = enrolled("411702", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE);
        String resident = enrolled("411702", Scheme.RESIDENT, PersonType.RESIDENT);
        String nobody = nextPerson();
        LocalDate today = LocalDate.now();

        // a natural birth of one is 98 + 60 = 158 days, not 128
        assertRefused(application(employee, today, "NATURAL", 1, "4500.00", 128), "leaveDays", "must be 158");
        assertRefused(application(resident, today, "NATURAL", 1, "4500.00", 158), "personId", "for employees");
        assertRefused(application(nobody, today, "NATURAL", 1, "4500.00", 158), "personId", "not enrolled");
        // enrolled from 1 January of this year: a delivery of last year is before the enrollment
        assertRefused(application(employee, LocalDate.of(YEAR - 1, 12, 1), "NATURAL", 1, "4500.00", 158), "personId", "not enrolled");
        assertRefused(application(employee, today.plusDays(3), "NATURAL", 1, "4500.00", 158), "deliveryDate", "future");
        assertRefused(application(employee, today, "MISCARRIAGE_FROM_4_MONTHS", 2, "4500.00", 42), "babies", "must be 1");
        assertRefused(application(employee, today, "NATURAL", 1, "0.00", 158), "averageMonthlyWage", "");
        assertThat(allowancesOf(employee) + allowancesOf(resident) + allowancesOf(nobody)).isZero();

        // a hospital may not apply; the policy admits enrollment clerks and managers only
        HttpResponse<String> hospital = api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/maternity-allowances",
                application(employee, today, "NATURAL", 1, "4500.00", 158));
        assertThat(hospital.statusCode()).isIn(403, 404);
        assertThat(allowancesOf(employee)).isZero();
    }

    @Test
    void theFundReportShowsMaternitySpendingOfTheEmployeeScheme() throws Exception {
        // a county of its own, so that only this test's bills and allowances are in the report
        String mother = enrolled("411729", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE);
        assertThat(api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/settlements",
                delivery("msg-" + UUID.randomUUID(), mother, "CAESAREAN")).statusCode()).isEqualTo(201);
        // a natural birth of one: 98 + 60 = 158 days; 4,500.00 / 30 x 158 = 23,700.00
        assertThat(api.post("/api/settlement/maternity-allowances",
                application(mother, LocalDate.now(), "NATURAL", 1, "4500.00", 158)).statusCode()).isEqualTo(201);

        JsonNode report = json.readTree(api.as(TestCallers.MANAGER).get("/api/settlement/reports/" + YEAR + "?region=411729").body());

        JsonNode maternity = report.at("/maternity/0");
        assertThat(maternity.at("/scheme").asString()).isEqualTo("EMPLOYEE");
        assertThat(maternity.at("/deliveries").asLong()).isEqualTo(1);
        assertThat(maternity.at("/deliveryPaid").asString()).isEqualTo("3500.00");
        assertThat(maternity.at("/allowances").asLong()).isEqualTo(1);
        assertThat(maternity.at("/allowancesPaid").asString()).isEqualTo("23700.00");
        // 3,500.00 + 23,700.00
        assertThat(maternity.at("/total").asString()).isEqualTo("27200.00");
    }

    // --- helpers ---

    private void assertRefused(String application, String field, String reason) throws Exception {
        HttpResponse<String> response = api.post("/api/settlement/maternity-allowances", application);
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 422);
        assertThat(response.body()).contains("\"" + field + "\"", reason);
    }

    private int allowancesOf(String person) {
        return jdbc.queryForObject("select count(*) from maternity_allowance where person_id = ?", Integer.class, person);
    }

    private String enrolled(String region, Scheme scheme, PersonType type) {
        String person = nextPerson();
        events.publish(new PersonEnrolled(person, region, scheme, type, scheme == Scheme.EMPLOYEE ? EmploymentTier.EMPLOYER : null,
                YEAR, LocalDate.of(YEAR, 1, 1), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from enrollment_period where person_id = ?", Integer.class, person) > 0);
        return person;
    }

    /** A woman's resident id (the 17th digit even), born 1990. */
    private static String nextPerson() {
        String first17 = "41170219900101" + String.format("%02d", PEOPLE.incrementAndGet() % 100) + "2";
        return first17 + ResidentId.checkCharacter(first17);
    }

    private static String application(String person, LocalDate date, String kind, int babies, String wage, int days) {
        return """
                {"personId":"%s","deliveryDate":"%s","deliveryKind":"%s","babies":%d,"averageMonthlyWage":"%s","leaveDays":%d}"""
                .formatted(person, date, kind, babies, wage, days);
    }

    /** A delivery's stay of 10 sessions of a class A service at 400.00 (4,000.00). */
    private static String delivery(String messageId, String person, String kind) {
        return """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"DELIVERY","serviceDate":"%s",
                 "diagnosisCodes":["O82"],%s
                 "lines":[{"itemCode":"S311201001","quantity":10,"unitPrice":"400.00"}]}"""
                .formatted(messageId, person, HOSPITAL, LocalDate.now(), kind == null ? "" : "\"deliveryKind\":\"" + kind + "\",");
    }
}
