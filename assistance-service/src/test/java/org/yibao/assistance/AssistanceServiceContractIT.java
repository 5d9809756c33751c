package org.yibao.assistance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AssistanceServiceContractIT extends ServiceContractTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String YEAR_START = LocalDate.now().withDayOfYear(1).toString();

    @Autowired
    private JdbcTemplate jdbc;

    @Override
    protected String apiPrefix() {
        return "/api/assistance";
    }

    /** A department supplies only its own records: one pushed in another's name is refused, as is such a row of a feed. */
    @Override
    protected Map<String, OwnershipProof> ownershipProofs() {
        return Map.of(
                "POST /api/assistance/identity-records", () -> {
                    String person = nextId();
                    HttpResponse<String> foreignPush = civilAffairs().post("/api/assistance/identity-records", """
                            {"source":"rural-revitalization","sourceRecordId":"XC-%s","personId":"%s","category":"EXTREME_POVERTY",
                             "validFrom":"%s"}""".formatted(person, person, YEAR_START));

                    assertThat(foreignPush.statusCode()).as(foreignPush.body()).isEqualTo(403);
                    assertThat(foreignPush.body()).contains("supplies only civil-affairs records");
                    assertThat(recordsOf(person)).isZero();
                },
                "POST /api/assistance/identity-feeds", () -> {
                    String own = nextId();
                    String foreign = nextId();
                    HttpResponse<String> mixedFeed = civilAffairs().post("/api/assistance/identity-feeds", "text/csv", String.join("\n",
                            "source,sourceRecordId,personId,category,validFrom,validTo",
                            "civil-affairs,MZ-" + own + "," + own + ",MINIMUM_LIVING," + YEAR_START + ",",
                            "rural-revitalization,XC-" + foreign + "," + foreign + ",EXTREME_POVERTY," + YEAR_START + ",") + "\n");

                    assertThat(mixedFeed.statusCode()).as(mixedFeed.body()).isEqualTo(200);
                    JsonNode report = JsonMapper.shared().readTree(mixedFeed.body());
                    assertThat(report.at("/rejected").asLong()).isEqualTo(1);
                    assertThat(report.at("/rejectedRows/0/field").asString()).isEqualTo("source");
                    assertThat(recordsOf(own)).isEqualTo(1);
                    assertThat(recordsOf(foreign)).isZero();
                });
    }

    /** Finding 3 of the security review: a household income of 1e20 was answered 500. */
    @org.junit.jupiter.api.Test
    void anImpossibleHouseholdIncomeIsRefusedNamingIt() throws Exception {
        assertRefusedNamingField(TestCallers.ASSISTANCE_OFFICER, "PUT", "/api/assistance/persons/" + nextId() + "/household-income/2026",
                "{\"income\":1e20}", "income");
    }

    private ServiceClient civilAffairs() {
        return client(TestCallers.department("civil-affairs"));
    }

    private int recordsOf(String person) {
        return jdbc.queryForObject("select count(*) from identity_record where person_id = ?", Integer.class, person);
    }

    private static String nextId() {
        String first17 = "150102" + "19810101" + String.format("%03d", 300 + PEOPLE.incrementAndGet());
        return first17 + ResidentId.checkCharacter(first17);
    }
}
