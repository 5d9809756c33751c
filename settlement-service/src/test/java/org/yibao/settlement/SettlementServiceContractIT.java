package org.yibao.settlement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.security.CallerIdentity;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementServiceContractIT extends ServiceContractTest {

    private static final int YEAR = LocalDate.now().getYear();
    private static final CallerIdentity HOME = TestCallers.his(HOME_INSTITUTION);
    private static final CallerIdentity FOREIGN = TestCallers.his(FOREIGN_INSTITUTION);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private EventPublisher events;
    private String person;
    private String settlement;

    @Override
    protected String apiPrefix() {
        return "/api/settlement";
    }

    @AfterAll
    void close() {
        if (events != null) {
            events.close();
        }
    }

    @Override
    protected Map<String, OwnershipProof> ownershipProofs() {
        String mappings = "/api/settlement/institutions/" + HOME_INSTITUTION + "/item-mappings";
        return Map.ofEntries(
                proof("POST /api/settlement/institutions/{institutionCode}/item-mappings", () -> {
                    String own = "OWN-" + UUID.randomUUID();
                    HttpResponse<String> foreign = client(FOREIGN).post(mappings, mapping(own));
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(mappingsOf(own)).isZero();
                    HttpResponse<String> home = client(HOME).post(mappings, mapping(own));
                    assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
                    assertThat(mappingsOf(own)).isOne();
                }),
                proof("POST /api/settlement/institutions/{institutionCode}/item-mappings/file", () -> {
                    String own = "OWN-" + UUID.randomUUID();
                    String file = "fixmedins_hilist_id,fixmedins_hilist_name,list_type,med_list_codg,begndate,enddate\n"
                            + own + ",血液透析,201,S311201001,2020-01-01,\n";
                    HttpResponse<String> foreign = client(FOREIGN).post(mappings + "/file", "text/csv", file);
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(mappingsOf(own)).isZero();
                    HttpResponse<String> bureau = client(TestCallers.MANAGER).post(mappings + "/file", "text/csv", file);
                    assertThat(bureau.statusCode()).as("the bureau may file for an institution: " + bureau.body()).isEqualTo(200);
                    assertThat(mappingsOf(own)).isOne();
                    var again = json.readTree(client(HOME).post(mappings + "/file", "text/csv", file).body());
                    assertThat(again.at("/submitted").asInt()).as("the same file again, still pending: nothing submitted").isZero();
                    assertThat(again.at("/unchanged").asInt()).isOne();
                }),
                proof("POST /api/settlement/institutions/{institutionCode}/item-mappings/revocation", () -> {
                    String own = "OWN-" + UUID.randomUUID();
                    assertThat(client(HOME).post(mappings, mapping(own)).statusCode()).isEqualTo(200);
                    HttpResponse<String> foreign = client(FOREIGN).post(mappings + "/revocation", "{\"ownCode\":\"" + own + "\"}");
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(jdbc.queryForObject("select status from institution_item_map where own_code = ?", String.class, own))
                            .isEqualTo("SUBMITTED");
                }),
                proof("POST /api/settlement/institutions/{institutionCode}/item-mappings/check", () -> {
                    String check = "{\"date\":\"" + LocalDate.now() + "\",\"lines\":[{\"ownCode\":\"X\"}]}";
                    HttpResponse<String> foreign = client(FOREIGN).post(mappings + "/check", check);
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(client(HOME).post(mappings + "/check", check).statusCode()).isEqualTo(200);
                }),
                proof("GET /api/settlement/institutions/{institutionCode}/item-mappings", () -> {
                    String own = "OWN-" + UUID.randomUUID();
                    assertThat(client(HOME).post(mappings, mapping(own)).statusCode()).isEqualTo(200);
                    HttpResponse<String> foreign = client(FOREIGN).get(mappings);
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(client(HOME).get(mappings + "?limit=5000").body()).contains(own);
                    assertThat(client(TestCallers.AUDITOR).get(mappings + "?limit=5000").body()).contains(own);
                }),
                proof("GET /api/settlement/institutions/{institutionCode}/settlements/by-message-id/{messageId}", () -> {
                    String messageId = "msg-" + UUID.randomUUID();
                    String own = json.readTree(client(HOME).post("/api/settlement/settlements", bill(messageId)).body()).at("/id").asString();
                    String path = "/api/settlement/institutions/" + HOME_INSTITUTION + "/settlements/by-message-id/" + messageId;
                    HttpResponse<String> foreign = client(FOREIGN).get(path);
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(json.readTree(client(HOME).get(path).body()).at("/id").asString()).isEqualTo(own);
                    // a message id never settled is not found, and asking settles nothing
                    assertThat(client(HOME).get(path + "-never").statusCode()).isEqualTo(404);
                }),
                proof("GET /api/settlement/institutions/{institutionCode}/settlements", () -> {
                    String own = settlement();
                    String path = "/api/settlement/institutions/" + HOME_INSTITUTION + "/settlements?from=" + LocalDate.now().minusDays(1)
                            + "&to=" + LocalDate.now().plusDays(1);
                    HttpResponse<String> foreign = client(FOREIGN).get(path);
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(client(HOME).get(path).body()).contains(own);
                    assertThat(client(TestCallers.AUDITOR).get(path).body()).as("staff reconcile any institution").contains(own);
                }),
                proof("POST /api/settlement/settlements", () -> aForeignHospitalCannotBillInAnothersName("/api/settlement/settlements")),
                proof("POST /api/settlement/pre-settlements", () -> aForeignHospitalCannotBillInAnothersName("/api/settlement/pre-settlements")),
                proof("GET /api/settlement/settlements/{id}", () -> {
                    HttpResponse<String> read = client(FOREIGN).get("/api/settlement/settlements/" + settlement());
                    assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
                    assertThat(client(HOME).get("/api/settlement/settlements/" + settlement()).statusCode()).isEqualTo(200);
                }),
                proof("GET /api/settlement/settlements/{id}/trace", () -> {
                    String path = "/api/settlement/settlements/" + settlement() + "/trace";
                    HttpResponse<String> read = client(FOREIGN).get(path);
                    assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
                    assertThat(read.body()).as("nothing of the trace leaks").doesNotContain("steps").doesNotContain("BASIC_FUND")
                            .doesNotContain("policyPack");
                    HttpResponse<String> own = client(HOME).get(path);
                    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
                    assertThat(json.readTree(own.body()).at("/settlementId").asString()).isEqualTo(settlement());
                    assertThat(json.readTree(own.body()).at("/steps").size()).isEqualTo(11);
                }),
                proof("POST /api/settlement/settlements/{id}/reversal", () -> {
                    HttpResponse<String> reversed = client(FOREIGN).post("/api/settlement/settlements/" + settlement() + "/reversal",
                            "{\"reason\":\"not mine\"}");
                    assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(403);
                    assertThat(jdbc.queryForObject("select reversed_at is null from settlement where id = ?::uuid", Boolean.class,
                            settlement())).isTrue();
                    assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'ClaimReversed' and envelope like ?",
                            Integer.class, "%" + settlement() + "%")).isZero();
                }),
                proof("GET /api/settlement/persons/{personId}/settlements", () -> {
                    String own = settlement();
                    String path = "/api/settlement/persons/" + person + "/settlements?year=" + YEAR;
                    assertThat(client(FOREIGN).get(path).body()).isEqualTo("[]");
                    assertThat(client(HOME).get(path).body()).contains(own);
                    assertThat(client(TestCallers.AUDITOR).get(path).body()).as("staff see every institution's").contains(own);
                }));
    }

    private static Map.Entry<String, OwnershipProof> proof(String operation, OwnershipProof proof) {
        return Map.entry(operation, proof);
    }

    private static String mapping(String ownCode) {
        return """
                {"items":[{"ownCode":"%s","ownName":"血液透析(院内)","listType":"201","nationalCode":"S311201001","validFrom":"2020-01-01"}]}"""
                .formatted(ownCode);
    }

    private int mappingsOf(String ownCode) {
        return jdbc.queryForObject("select count(*) from institution_item_map where own_code = ?", Integer.class, ownCode);
    }

    /** Finding 3 of the security review: a negative personal-account amount was answered 500. */
    @org.junit.jupiter.api.Test
    void aNegativePersonalAccountAmountIsRefusedNamingIt() throws Exception {
        String bill = bill("msg-" + UUID.randomUUID()).replace("\"diagnosisCodes\"", "\"personalAccountAmount\":\"-100.00\",\"diagnosisCodes\"");

        assertRefusedNamingField(HOME, "POST", "/api/settlement/pre-settlements", bill, "personalAccountAmount");
        assertRefusedNamingField(HOME, "POST", "/api/settlement/settlements", bill, "personalAccountAmount");
    }

    /**
     * Issue 20 (目录对照): a line that names the hospital's own code passes only through an approved mapping
     * in force to the national code it gives, the mapped item in the catalog; the refusal names the line
     * and settles nothing; the reviewer is the token's, whatever the body says.
     */
    @org.junit.jupiter.api.Test
    void aLineNamingItsOwnCodeNeedsAnApprovedMapping() throws Exception {
        String own = "HD-" + UUID.randomUUID();
        String mappings = "/api/settlement/institutions/" + HOME_INSTITUTION + "/item-mappings";
        String bill = bill("msg-" + UUID.randomUUID()).replace("\"unitPrice\":\"400.00\"}",
                "\"unitPrice\":\"400.00\"},{\"itemCode\":\"S311201001\",\"quantity\":1,\"unitPrice\":\"400.00\",\"institutionItemCode\":\"" + own + "\"}");
        int before = jdbc.queryForObject("select count(*) from settlement where person_id = ?", Integer.class, person);

        HttpResponse<String> unmapped = client(HOME).post("/api/settlement/settlements", bill);
        assertThat(client(HOME).post(mappings, mapping(own)).statusCode()).isEqualTo(200);
        String submittedAt = jdbc.queryForObject("select submitted_at::text from institution_item_map where own_code = ?", String.class, own);
        assertThat(client(HOME).post(mappings, mapping(own)).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select submitted_at::text from institution_item_map where own_code = ?", String.class, own))
                .as("the same submission again changes nothing").isEqualTo(submittedAt);
        HttpResponse<String> awaiting = client(HOME).post("/api/settlement/pre-settlements", bill);
        HttpResponse<String> rejectWithoutNote = client(TestCallers.MANAGER).post(mappings + "/review",
                "{\"decision\":\"REJECTED\",\"ownCodes\":[\"" + own + "\"]}");
        HttpResponse<String> approved = client(TestCallers.MANAGER).post(mappings + "/review",
                "{\"decision\":\"APPROVED\",\"ownCodes\":[\"" + own + "\"],\"note\":\"核对一致\"}");
        HttpResponse<String> otherNational = client(HOME).post("/api/settlement/pre-settlements",
                bill.replace("{\"itemCode\":\"S311201001\",\"quantity\":1", "{\"itemCode\":\"XC08CAA001A001010100001\",\"quantity\":1"));
        HttpResponse<String> mapped = client(HOME).post("/api/settlement/settlements", bill);
        HttpResponse<String> revoked = client(HOME).post(mappings + "/revocation", "{\"ownCode\":\"" + own + "\"}");
        HttpResponse<String> afterRevocation = client(HOME).post("/api/settlement/pre-settlements", bill);

        assertThat(unmapped.statusCode()).as(unmapped.body()).isEqualTo(400);
        assertThat(unmapped.body()).contains("lines[1].institutionItemCode").contains(own + " is not mapped");
        assertThat(awaiting.statusCode()).isEqualTo(400);
        assertThat(awaiting.body()).contains("lines[1].institutionItemCode").contains("awaits the bureau's review");
        assertThat(rejectWithoutNote.statusCode()).as(rejectWithoutNote.body()).isEqualTo(400);
        assertThat(rejectWithoutNote.body()).contains("note");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).at("/reviewed").asInt()).isOne();
        assertThat(jdbc.queryForObject("select reviewed_by from institution_item_map where own_code = ?", String.class, own))
                .isEqualTo(TestCallers.MANAGER.clientId());
        assertThat(otherNational.statusCode()).isEqualTo(400);
        assertThat(otherNational.body()).contains("lines[1].itemCode").contains("is mapped to S311201001");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(201);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(afterRevocation.statusCode()).isEqualTo(400);
        assertThat(afterRevocation.body()).contains("lines[1].institutionItemCode");
        assertThat(jdbc.queryForObject("select count(*) from settlement where person_id = ?", Integer.class, person))
                .as("only the mapped bill settled").isEqualTo(before + 1);
    }

    /**
     * Found by review (issue 20): a remapping awaiting review, or rejected, does not stop the approved
     * mapping before it; a review decides only what was submitted by the time of the list the reviewer
     * saw; nobody reviews a mapping they submitted; pages of mappings do not skip a code's later dates.
     */
    @org.junit.jupiter.api.Test
    void aReviewDecidesWhatTheReviewerSawAndARemappingDoesNotStopTheApprovedOne() throws Exception {
        String own = "RM-" + UUID.randomUUID();
        String mappings = "/api/settlement/institutions/" + HOME_INSTITUTION + "/item-mappings";
        String bill = bill("msg-" + UUID.randomUUID()).replace("\"unitPrice\":\"400.00\"}",
                "\"unitPrice\":\"400.00\",\"institutionItemCode\":\"" + own + "\"}");
        assertThat(client(HOME).post(mappings, mapping(own)).statusCode()).isEqualTo(200);
        java.time.Instant listed = java.time.Instant.now();
        Thread.sleep(20);
        String later = """
                {"items":[{"ownCode":"%s","ownName":"透析(新)","listType":"201","nationalCode":"S311201001","validFrom":"%s"}]}"""
                .formatted(own, LocalDate.now().minusDays(1));
        assertThat(client(HOME).post(mappings, later).statusCode()).isEqualTo(200);

        HttpResponse<String> approved = client(TestCallers.MANAGER).post(mappings + "/review",
                "{\"decision\":\"APPROVED\",\"ownCodes\":[\"" + own + "\"],\"asOf\":\"" + listed + "\"}");
        HttpResponse<String> withPending = client(HOME).post("/api/settlement/pre-settlements", bill);
        HttpResponse<String> rejected = client(TestCallers.MANAGER).post(mappings + "/review",
                "{\"decision\":\"REJECTED\",\"ownCodes\":[\"" + own + "\"],\"note\":\"名称不符\"}");
        HttpResponse<String> withRejected = client(HOME).post("/api/settlement/pre-settlements", bill);
        var firstPage = json.readTree(client(HOME).get(mappings + "?limit=1&afterOwnCode=" + own.substring(0, own.length() - 1)).body());
        var nextPage = json.readTree(client(HOME).get(mappings + "?limit=1&afterOwnCode=" + own + "&afterValidFrom="
                + firstPage.at("/items/0/validFrom").asString()).body());

        assertThat(json.readTree(approved.body()).at("/reviewed").asInt()).as("only what was submitted by the list").isOne();
        assertThat(withPending.statusCode()).as(withPending.body()).isEqualTo(200);
        assertThat(json.readTree(rejected.body()).at("/reviewed").asInt()).isOne();
        assertThat(withRejected.statusCode()).as(withRejected.body()).isEqualTo(200);
        assertThat(firstPage.at("/items/0/ownCode").asString()).isEqualTo(own);
        assertThat(nextPage.at("/items/0/ownCode").asString()).as("the code's second date is the next page").isEqualTo(own);
        assertThat(nextPage.at("/items/0/validFrom").asString()).isEqualTo(LocalDate.now().minusDays(1).toString());

        String mine = "FE-" + UUID.randomUUID();
        String file = "fixmedins_hilist_id,fixmedins_hilist_name,list_type,med_list_codg,begndate,enddate\n"
                + mine + ",血液透析,201,S311201001,2020-01-01,\n";
        assertThat(client(TestCallers.MANAGER).post(mappings + "/file", "text/csv", file).statusCode()).isEqualTo(200);
        HttpResponse<String> ownReview = client(TestCallers.MANAGER).post(mappings + "/review",
                "{\"decision\":\"APPROVED\",\"ownCodes\":[\"" + mine + "\"]}");
        assertThat(ownReview.statusCode()).as("four eyes: " + ownReview.body()).isEqualTo(403);
    }

    /** A mapping file is applied whole or not at all: a national code not in the catalog names its row and writes nothing. */
    @org.junit.jupiter.api.Test
    void aMappingFileWithABadRowWritesNothing() throws Exception {
        String a = "A-" + UUID.randomUUID();
        String b = "B-" + UUID.randomUUID();
        String file = "FIXMEDINS_HILIST_ID\tFIXMEDINS_HILIST_NAME\tLIST_TYPE\tMED_LIST_CODG\tBEGNDATE\tENDDATE\tAPRVNO\n"
                + a + "\t血液透析\t201\tS311201001\t2020-01-01\t\t\n"
                + b + "\t不存在的药\t101\tXNOSUCH0000000000000000\t2020-01-01\t\t\n"
                + b + "\t日期反了\t101\tS311201001\t2021-01-01\t2020-12-31\t\n"
                + "C-" + b + "\t血液透析\t101\tS311201001\t2020-01-01\t\t\n";

        HttpResponse<String> refused = client(HOME).post("/api/settlement/institutions/" + HOME_INSTITUTION + "/item-mappings/file",
                "text/tab-separated-values", file);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        var report = json.readTree(refused.body());
        assertThat(report.at("/rejectedRows/0/line").asInt()).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/field").asString()).isEqualTo("med_list_codg");
        assertThat(report.at("/rejectedRows/1/line").asInt()).isEqualTo(4);
        assertThat(report.at("/rejectedRows/1/field").asString()).isEqualTo("enddate");
        assertThat(report.at("/rejectedRows/2/line").asInt()).isEqualTo(5);
        assertThat(report.at("/rejectedRows/2/field").asString()).as("a service mapped as a drug").isEqualTo("list_type");
        assertThat(report.at("/rejectedRows/2/reason").asString()).contains("a medical service (201)");
        assertThat(mappingsOf(a)).isZero();
    }

    /** Found by the independent review: another hospital took a message id first, and the owner's real bill was refused 409. */
    @org.junit.jupiter.api.Test
    void aMessageIdBelongsToItsInstitution() {
        String messageId = "H" + System.nanoTime();
        String foreignBill = bill(messageId).replace("\"institutionCode\":\"" + HOME_INSTITUTION, "\"institutionCode\":\"" + FOREIGN_INSTITUTION);

        HttpResponse<String> squatted = client(FOREIGN).post("/api/settlement/settlements", foreignBill);
        HttpResponse<String> own = client(HOME).post("/api/settlement/settlements", bill(messageId));
        HttpResponse<String> ownRetry = client(HOME).post("/api/settlement/settlements", bill(messageId));

        assertThat(squatted.statusCode()).as(squatted.body()).isEqualTo(201);
        assertThat(own.statusCode()).as("the owner's bill is its own, whatever another sent first: " + own.body()).isEqualTo(201);
        assertThat(ownRetry.statusCode()).as("a retry still returns the first result").isEqualTo(200);
        assertThat(json.readTree(ownRetry.body()).at("/id").asString()).isEqualTo(json.readTree(own.body()).at("/id").asString());
        assertThat(json.readTree(own.body()).at("/id").asString()).isNotEqualTo(json.readTree(squatted.body()).at("/id").asString());
    }

    private void aForeignHospitalCannotBillInAnothersName(String path) {
        String bill = bill("msg-" + UUID.randomUUID());
        int before = jdbc.queryForObject("select count(*) from settlement where person_id = ?", Integer.class, person);

        HttpResponse<String> asAnother = client(FOREIGN).post(path, bill);

        assertThat(asAnother.statusCode()).as(asAnother.body()).isEqualTo(403);
        assertThat(asAnother.body()).contains("institutionCode is " + HOME_INSTITUTION)
                .contains("acts only for institution " + FOREIGN_INSTITUTION);
        assertThat(jdbc.queryForObject("select count(*) from settlement where person_id = ?", Integer.class, person)).isEqualTo(before);
    }

    /** A bill settled by the home hospital for an enrolled resident of Yangjiang (made once, on first use). */
    private String settlement() {
        if (settlement == null) {
            HttpResponse<String> settled = client(HOME).post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID()));
            assertThat(settled.statusCode()).as(settled.body()).isEqualTo(201);
            settlement = json.readTree(settled.body()).at("/id").asString();
        }
        return settlement;
    }

    /** An inpatient haemodialysis bill (class A, 400.00 a session) of the home hospital. */
    private String bill(String messageId) {
        enrolled();
        return """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],"lines":[{"itemCode":"S311201001","quantity":2,"unitPrice":"400.00"}]}"""
                .formatted(messageId, person, HOME_INSTITUTION, LocalDate.now());
    }

    private void enrolled() {
        if (person != null) {
            return;
        }
        events = new EventPublisher(json);
        for (String code : new String[] {HOME_INSTITUTION, FOREIGN_INSTITUTION}) {
            events.publish(new InstitutionStatusChanged(code, "某医院", "441700", InstitutionKind.HOSPITAL, InstitutionLevel.LEVEL_3,
                    null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        }
        String first17 = "441702" + "19660101" + "777";
        person = first17 + ResidentId.checkCharacter(first17);
        events.publish(new PersonEnrolled(person, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, YEAR, LocalDate.of(YEAR, 1, 1),
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.queryForObject("select count(distinct code) from institution_period where code in (?, ?)", Integer.class,
                        HOME_INSTITUTION, FOREIGN_INSTITUTION) == 2
                        && jdbc.queryForObject("select count(distinct year) from enrollment_period where person_id = ?", Integer.class, person) == 1);
    }

}
