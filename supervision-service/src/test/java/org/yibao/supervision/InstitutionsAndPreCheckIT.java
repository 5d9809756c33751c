package org.yibao.supervision;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Designated institutions and the real-time pre-check on a real PostgreSQL: agreements with their
 * history, each decision announced through the outbox, termination final; the pre-check's pass,
 * warn and block answers.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstitutionsAndPreCheckIT {

    private static final AtomicInteger CODES = new AtomicInteger();

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;

    @BeforeAll
    void client() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.MANAGER);
    }

    @Test
    void agreementDecisionsAreKeptInOrderAnnouncedAndTerminationIsFinal() {
        String code = registered("HOSPITAL", "LEVEL_2");

        HttpResponse<String> suspended = change(code, "SUSPENDED", "split hospitalisation");
        HttpResponse<String> reinstated = change(code, "ACTIVE", "rectified");
        HttpResponse<String> terminated = change(code, "TERMINATED", "fake patients");
        HttpResponse<String> reopened = change(code, "ACTIVE", "appeal");

        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(reinstated.statusCode()).isEqualTo(200);
        assertThat(terminated.statusCode()).isEqualTo(200);
        assertThat(reopened.statusCode()).isEqualTo(409);
        JsonNode got = json.readTree(api.get("/api/supervision/institutions/" + code).body());
        assertThat(got.at("/institution/status").asString()).isEqualTo("TERMINATED");
        assertThat(got.at("/agreementHistory").size()).isEqualTo(4);
        assertThat(got.at("/agreementHistory/1/reason").asString()).isEqualTo("split hospitalisation");
        // a date is a date: the signing's "2019-01-01", not midnight of some server's zone written in UTC
        assertThat(got.at("/agreementHistory/0/effective_from").asString()).isEqualTo("2019-01-01");
        assertThat(got.at("/agreementHistory/1/effective_from").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'InstitutionStatusChanged' and event_key = ?",
                Integer.class, code)).isEqualTo(4);
    }

    /** An agreement change dated before the last one is refused naming the date, and changes nothing (found by this stop's black-box test). */
    @Test
    void anAgreementChangeCannotTakeEffectBeforeTheLastOne() {
        String code = registered("HOSPITAL", "LEVEL_2"); // signed 2019-01-01

        HttpResponse<String> backDated = api.post("/api/supervision/institutions/" + code + "/agreement", """
                {"status":"SUSPENDED","effectiveFrom":"2018-12-31","reason":"back-dated"}""");

        assertThat(backDated.statusCode()).as(backDated.body()).isEqualTo(400);
        assertThat(json.readTree(backDated.body()).at("/errors/0/field").asString()).isEqualTo("effectiveFrom");
        JsonNode got = json.readTree(api.get("/api/supervision/institutions/" + code).body());
        assertThat(got.at("/institution/status").asString()).isEqualTo("ACTIVE");
        assertThat(got.at("/agreementHistory").size()).isEqualTo(1);
    }

    @Test
    void badInstitutionsAreRefusedNamingTheField() {
        HttpResponse<String> gradedPharmacy = api.post("/api/supervision/institutions", body("P" + next(), "PHARMACY", "LEVEL_2"));
        HttpResponse<String> badRegion = api.post("/api/supervision/institutions",
                body("H" + next(), "HOSPITAL", "LEVEL_1").replace("\"441700\"", "\"4417\""));
        String code = registered("HOSPITAL", "LEVEL_1");
        HttpResponse<String> twice = api.post("/api/supervision/institutions", body(code, "HOSPITAL", "LEVEL_1"));

        assertThat(json.readTree(gradedPharmacy.body()).at("/errors/0/field").asString()).isEqualTo("level");
        assertThat(json.readTree(badRegion.body()).at("/errors/0/field").asString()).isEqualTo("regionCode");
        assertThat(twice.statusCode()).isEqualTo(409);
    }

    @Test
    void thePreCheckPassesWarnsAndBlocks() {
        String hospital = registered("HOSPITAL", "LEVEL_3");
        String suspendedHospital = registered("HOSPITAL", "LEVEL_2");
        change(suspendedHospital, "SUSPENDED", "under investigation");
        String man = person("19700101", 11);    // odd sequence: male
        String woman = person("19800101", 12);  // even sequence: female

        JsonNode pass = check(man, hospital, line("S250301001", "1", "60.00"));
        JsonNode warn = check(man, hospital, line("XC08CAA001A001010100001", "500", "0.30") + ","
                + line("S120100001", "1", "40.00") + "," + line("S120100001", "1", "40.00"));
        JsonNode blockedInstitution = check(man, suspendedHospital, line("S250301001", "1", "60.00"));
        JsonNode blockedItem = check(man, hospital, line("S311402001", "1", "2000.00"));
        JsonNode allowedItem = check(woman, hospital, line("S311402001", "1", "2000.00"));

        assertThat(pass.at("/outcome").asString()).isEqualTo("PASS");
        assertThat(warn.at("/outcome").asString()).isEqualTo("WARN");
        assertThat(warn.at("/reasons").toString()).contains("excessive quantity").contains("repeats line 2");
        assertThat(blockedInstitution.at("/outcome").asString()).isEqualTo("BLOCK");
        assertThat(blockedInstitution.at("/reasons/0").asString()).contains("SUSPENDED");
        assertThat(blockedItem.at("/outcome").asString()).isEqualTo("BLOCK");
        assertThat(blockedItem.at("/reasons/0").asString()).contains("male patient");
        assertThat(allowedItem.at("/outcome").asString()).isEqualTo("PASS");
    }

    @Test
    void itemsMustFitThePatientsAgeAndDiagnoses() {
        String hospital = registered("HOSPITAL", "LEVEL_3");
        String adult = person("19700101", 13);
        String infant = person(LocalDate.now().minusMonths(3).toString().replace("-", ""), 14);

        JsonNode adultNeonatal = check(adult, hospital, line("S311601001", "1", "300.00"));
        JsonNode infantNeonatal = check(infant, hospital, line("S311601001", "1", "300.00"));
        JsonNode insulinForHypertension = check(adult, hospital, line("XA10AB01", "1", "80.00"));
        JsonNode insulinForDiabetes = checkWith(adult, hospital, "E11.9", line("XA10AB01", "1", "80.00"));

        assertThat(adultNeonatal.at("/outcome").asString()).as("an age rule warns (newborn care may be billed on the mother's stay)")
                .isEqualTo("WARN");
        assertThat(adultNeonatal.at("/reasons/0").asString()).contains("aged 0-1");
        assertThat(infantNeonatal.at("/outcome").asString()).isEqualTo("PASS");
        assertThat(insulinForHypertension.at("/outcome").asString()).isEqualTo("WARN");
        assertThat(insulinForHypertension.at("/reasons/0").asString()).contains("does not fit the diagnoses");
        assertThat(insulinForDiabetes.at("/outcome").asString()).isEqualTo("PASS");
    }

    @Test
    void aMalformedPreCheckIsAProblemNamingTheField() {
        HttpResponse<String> response = api.as(TestCallers.his("H1")).post("/api/supervision/pre-checks", """
                {"personId":"12345","institutionCode":"H1","visitType":"INPATIENT","serviceDate":"2026-01-01",
                 "total":"1.00","lines":[{"itemCode":"X","quantity":1,"unitPrice":"1.00","amount":"1.00"}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("personId");
    }

    /** The console's institution search (issue 25): a name's part or a code's beginning, any region, paged with a total. */
    @Test
    void institutionsAreFoundByNameOrCodeInAnyRegionPageByPage() {
        String word = "检索" + (char) ('甲' + CODES.get() % 50) + "医" + System.nanoTime() % 100_000;
        String q = java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8);
        String first = registeredAs("H" + next(), word + "第一医院", "441702");
        String second = registeredAs("H" + next(), "阳江" + word + "第二医院", "150102");
        String third = registeredAs("H" + next(), word + "第三医院", "441703");
        change(third, "SUSPENDED", "split hospitalisation");

        HttpResponse<String> firstPage = api.get("/api/supervision/institution-search?q=" + q + "&limit=2");
        assertThat(firstPage.statusCode()).as(firstPage.body()).isEqualTo(200);
        JsonNode page1 = json.readTree(firstPage.body());
        JsonNode page2 = json.readTree(api.get("/api/supervision/institution-search?q=" + q + "&limit=2&offset=2").body());
        JsonNode inCity = json.readTree(api.get("/api/supervision/institution-search?q=" + q + "&region=441700").body());
        JsonNode suspended = json.readTree(api.get("/api/supervision/institution-search?q=" + q + "&status=SUSPENDED").body());
        JsonNode byCode = json.readTree(api.as(TestCallers.AUDITOR).get("/api/supervision/institution-search?q="
                + second.toLowerCase()).body());

        assertThat(page1.at("/total").asLong()).as(firstPage.body()).isEqualTo(3);
        assertThat(page1.at("/institutions/0/code").asString()).isEqualTo(first); // by code
        assertThat(page1.at("/institutions/1/code").asString()).isEqualTo(second);
        assertThat(page2.at("/institutions").size()).isEqualTo(1);
        assertThat(page2.at("/institutions/0/code").asString()).isEqualTo(third);
        assertThat(page2.at("/total").asLong()).isEqualTo(3);
        assertThat(inCity.at("/total").asLong()).isEqualTo(2);
        assertThat(suspended.at("/total").asLong()).isEqualTo(1);
        assertThat(suspended.at("/institutions/0/code").asString()).isEqualTo(third);
        assertThat(byCode.at("/total").asLong()).isEqualTo(1);
        assertThat(byCode.at("/institutions/0/name").asString()).isEqualTo("阳江" + word + "第二医院");
        for (String[] bad : new String[][] {{"q=a%27%3B--", "q"}, {"q=50%25", "q"}, {"q=" + java.net.URLEncoder.encode("医".repeat(51), java.nio.charset.StandardCharsets.UTF_8), "q"}, {"region=4417", "region"},
                {"status=OPEN", "status"}, {"limit=0", "limit"}, {"limit=201", "limit"}, {"offset=-1", "offset"}}) {
            HttpResponse<String> refused = api.get("/api/supervision/institution-search?" + bad[0]);
            assertThat(refused.statusCode()).as(bad[0] + " " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"" + bad[1] + "\"");
        }
    }

    private String registeredAs(String code, String name, String region) {
        HttpResponse<String> response = api.post("/api/supervision/institutions", """
                {"code":"%s","name":"%s","regionCode":"%s","kind":"HOSPITAL","level":"LEVEL_2",
                 "agreementFrom":"2019-01-01"}""".formatted(code, name, region));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return code;
    }

    // --- helpers ---

    private String registered(String kind, String level) {
        String code = (kind.equals("PHARMACY") ? "P" : "H") + next();
        HttpResponse<String> response = api.post("/api/supervision/institutions", body(code, kind, level));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return code;
    }

    private static String body(String code, String kind, String level) {
        return """
                {"code":"%s","name":"测试机构","regionCode":"441700","kind":"%s","level":"%s",
                 "agreementFrom":"2019-01-01"}""".formatted(code, kind, level);
    }

    private HttpResponse<String> change(String code, String status, String reason) {
        return api.post("/api/supervision/institutions/" + code + "/agreement", """
                {"status":"%s","effectiveFrom":"%s","reason":"%s"}"""
                .formatted(status, LocalDate.now(), reason));
    }

    private JsonNode check(String person, String institution, String lines) {
        return checkWith(person, institution, "I10", lines);
    }

    private JsonNode checkWith(String person, String institution, String diagnosis, String lines) {
        java.math.BigDecimal total = java.util.regex.Pattern.compile("\"amount\":\"([0-9.]+)\"").matcher(lines).results()
                .map(m -> new java.math.BigDecimal(m.group(1))).reduce(new java.math.BigDecimal("0.00"), java.math.BigDecimal::add);
        HttpResponse<String> response = api.as(TestCallers.his(institution)).post("/api/supervision/pre-checks", """
                {"personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s","diagnosisCodes":["%s"],
                 "total":"%s","lines":[%s]}""".formatted(person, institution, LocalDate.now(), diagnosis, total.toPlainString(), lines));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** A line whose amount is its quantity x unit price, half up to the fen (the pre-check refuses one that is not). */
    private static String line(String code, String quantity, String price) {
        String amount = new java.math.BigDecimal(price).multiply(new java.math.BigDecimal(quantity))
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        return """
                {"itemCode":"%s","itemClass":"A","quantity":%s,"unitPrice":"%s","amount":"%s"}""".formatted(code, quantity, price, amount);
    }

    private static String person(String birth, int sequence) {
        String first17 = "441702" + birth + String.format("%03d", sequence);
        return first17 + ResidentId.checkCharacter(first17);
    }

    private static String next() {
        return String.format("4417%08d", CODES.incrementAndGet());
    }
}
