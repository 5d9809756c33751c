package org.yibao.assistance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.assistance.identity.FeedService;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Identity feeds on a real PostgreSQL: duplicates and conflicts across sources merge into one
 * identity per person by priority, only real changes are announced (once), bad rows are reported
 * per row, a re-sent feed changes nothing, and a feed cut off half-way is never half-applied.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityFeedIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String HEADER = "source,sourceRecordId,personId,category,validFrom,validTo,regionCode";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String YEAR_START = TODAY.withDayOfYear(1).toString();

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;
    @Autowired
    private FeedService feeds;

    private ServiceClient api;

    @BeforeAll
    void client() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.ASSISTANCE_OFFICER);
    }

    @Test
    void duplicatesAndConflictsMergeByPriorityAndEachRealChangeIsAnnouncedOnce() {
        String a = nextId();
        String b = nextId();
        String c = nextId();
        String badFirst17 = "15010219800101" + "997";
        String badId = badFirst17 + (ResidentId.checkCharacter(badFirst17) == '1' ? '2' : '1');
        String feed = lines(HEADER,
                "civil-affairs,MZ-" + a + "," + a + ",MINIMUM_LIVING," + YEAR_START + ",,150102",
                "rural-revitalization,XC-" + a + "," + a + ",LIFTED_OUT_OF_POVERTY," + YEAR_START + ",,150102",
                "civil-affairs,MZ-" + b + "," + b + ",EXTREME_POVERTY," + YEAR_START + ",,",
                "civil-affairs,MZ-" + b + "," + b + ",EXTREME_POVERTY," + YEAR_START + ",,",
                "civil-affairs,MZ-" + c + "," + c + ",LIFTED_UNSTABLE," + YEAR_START + ",,",
                "rural-revitalization,XC-" + c + "," + c + ",LIFTED_UNSTABLE," + YEAR_START + ",,",
                "civil-affairs,MZ-bad1," + badId + ",MINIMUM_LIVING," + YEAR_START + ",,",
                "civil-affairs,MZ-bad2," + nextId() + ",RICH," + YEAR_START + ",,",
                "civil-affairs,MZ-bad3," + nextId() + ",MINIMUM_LIVING," + YEAR_START + "," + TODAY.minusYears(1) + ",");

        JsonNode report = json.readTree(csv(feed).body());
        JsonNode again = json.readTree(csv(feed).body());

        assertThat(report.at("/rows").asLong()).isEqualTo(9);
        assertThat(report.at("/rejected").asLong()).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/field").asString()).isEqualTo("personId");
        assertThat(report.at("/rejectedRows/1/field").asString()).isEqualTo("category");
        assertThat(report.at("/rejectedRows/2/field").asString()).isEqualTo("validTo");
        assertThat(report.at("/rejectedRows/2/line").asLong()).isEqualTo(10);
        assertThat(report.at("/changedRecords").asLong()).isEqualTo(5);
        assertThat(report.at("/identitiesChanged").asLong()).isEqualTo(3);
        assertThat(identity(a)).isEqualTo("MINIMUM_LIVING");          // 低保 outranks 脱贫
        assertThat(sources(a)).isEqualTo("civil-affairs");
        assertThat(identity(b)).isEqualTo("EXTREME_POVERTY");
        assertThat(sources(c)).isEqualTo("civil-affairs,rural-revitalization");
        assertThat(events(a) + events(b) + events(c)).isEqualTo(3);
        // the same feed again changes nothing
        assertThat(again.at("/changedRecords").asLong()).isZero();
        assertThat(again.at("/identitiesChanged").asLong()).isZero();
        assertThat(events(a) + events(b) + events(c)).isEqualTo(3);
    }

    @Test
    void whenTheHigherSourceEndsTheNextCategoryTakesOverAndASourceOnlyConfirmationIsNotAChange() {
        String a = nextId();
        csv(lines(HEADER,
                "civil-affairs,MZ-" + a + "," + a + ",MINIMUM_LIVING," + YEAR_START + ",,",
                "rural-revitalization,XC-" + a + "," + a + ",LIFTED_OUT_OF_POVERTY," + YEAR_START + ",,"));

        JsonNode ended = json.readTree(csv(lines(HEADER,
                "civil-affairs,MZ-" + a + "," + a + ",MINIMUM_LIVING," + YEAR_START + "," + TODAY.minusDays(1) + ",")).body());
        JsonNode confirmed = json.readTree(csv(lines(HEADER,
                "veterans-affairs,TY-" + a + "," + a + ",LIFTED_OUT_OF_POVERTY," + YEAR_START + ",,")).body());

        assertThat(ended.at("/identitiesChanged").asLong()).isEqualTo(1);
        assertThat(identity(a)).isEqualTo("LIFTED_OUT_OF_POVERTY");
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_event where event_type = 'AssistanceIdentityChanged' and envelope like ?
                  and envelope like '%"previousCategory":"MINIMUM_LIVING"%'""", Integer.class, "%" + a + "%")).isEqualTo(1);
        assertThat(confirmed.at("/changedRecords").asLong()).isEqualTo(1);
        assertThat(confirmed.at("/identitiesChanged").asLong()).isZero();
        assertThat(sources(a)).isEqualTo("rural-revitalization,veterans-affairs");
        assertThat(events(a)).isEqualTo(2);
        JsonNode history = json.readTree(api.get("/api/assistance/persons/" + a + "/identity").body());
        assertThat(history.at("/statements").size()).isEqualTo(4); // who said what, and when
        JsonNode forAHospital = json.readTree(api.as(TestCallers.his("H41170200001")).get("/api/assistance/persons/" + a + "/identity").body());
        assertThat(forAHospital.at("/current/category").asString()).isEqualTo(identity(a));
        assertThat(forAHospital.has("statements")).as("departments' record ids are the bureau's, not a hospital's").isFalse();
    }

    @Test
    void aFeedCutOffHalfWayChangesNothingAndCanBeSentAgain() {
        String a = nextId();
        String b = nextId();
        String whole = lines(HEADER,
                "civil-affairs,MZ-" + a + "," + a + ",MINIMUM_LIVING," + YEAR_START + ",,",
                "civil-affairs,MZ-" + b + "," + b + ",MINIMUM_LIVING," + YEAR_START + ",,");
        // the connection drops after the first row: the stream fails where the second row would be
        InputStream cutOff = new SequenceInputStream(
                new ByteArrayInputStream(lines(HEADER, "civil-affairs,MZ-" + a + "," + a + ",MINIMUM_LIVING," + YEAR_START + ",,")
                        .getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });

        assertThatThrownBy(() -> feeds.ingest(cutOff, FeedService.Format.CSV)).hasMessageContaining("cut off");
        assertThat(jdbc.queryForObject("select count(*) from identity_record where person_id in (?, ?)", Integer.class, a, b)).isZero();
        assertThat(events(a)).isZero();

        JsonNode report = json.readTree(csv(whole).body());

        assertThat(report.at("/identitiesChanged").asLong()).isEqualTo(2);
        assertThat(events(a) + events(b)).isEqualTo(2);
    }

    @Test
    void jsonLinesAndSinglePushesGoTheSameWay() {
        String a = nextId();
        String b = nextId();
        HttpResponse<String> jsonl = api.as(TestCallers.department("disabled-federation")).post("/api/assistance/identity-feeds", "application/x-ndjson",
                "{\"source\":\"disabled-federation\",\"sourceRecordId\":\"CL-" + a + "\",\"personId\":\"" + a
                        + "\",\"category\":\"SUDDEN_HARDSHIP\",\"validFrom\":\"" + YEAR_START + "\"}\n");
        HttpResponse<String> push = api.as(TestCallers.department("civil-affairs")).post("/api/assistance/identity-records", """
                {"source":"civil-affairs","sourceRecordId":"MZ-%s","personId":"%s","category":"EXTREME_POVERTY",
                 "validFrom":"%s"}""".formatted(b, b, YEAR_START));
        HttpResponse<String> badPush = api.post("/api/assistance/identity-records", """
                {"source":"civil-affairs","sourceRecordId":"MZ-x","personId":"%s","category":"RICH","validFrom":"%s"}"""
                .formatted(nextId(), YEAR_START));

        assertThat(jsonl.statusCode()).as(jsonl.body()).isEqualTo(200);
        assertThat(push.statusCode()).as(push.body()).isEqualTo(200);
        assertThat(identity(a)).isEqualTo("SUDDEN_HARDSHIP");
        assertThat(identity(b)).isEqualTo("EXTREME_POVERTY");
        assertThat(badPush.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badPush.body()).at("/errors/0/field").asString()).isEqualTo("category");
    }

    // --- helpers ---

    private HttpResponse<String> csv(String body) {
        HttpResponse<String> response = api.post("/api/assistance/identity-feeds", "text/csv", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String nextId() {
        String first17 = "150102" + "19800101" + String.format("%03d", 100 + PEOPLE.incrementAndGet());
        return first17 + ResidentId.checkCharacter(first17);
    }

    private String identity(String person) {
        return jdbc.queryForObject("select category from person_identity where person_id = ?", String.class, person);
    }

    private String sources(String person) {
        return jdbc.queryForObject("select sources from person_identity where person_id = ?", String.class, person);
    }

    private int events(String person) {
        return jdbc.queryForObject("select count(*) from outbox_event where event_type = 'AssistanceIdentityChanged' and envelope like ?",
                Integer.class, "%" + person + "%");
    }
}
