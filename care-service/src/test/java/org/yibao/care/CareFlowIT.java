package org.yibao.care;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Long-term care on a real PostgreSQL and Kafka, worked by hand with Jiangjin's 2023 policy
 * (care-policies/500116-2023.yml: institution care 50.00 / 60.00 / 70.00 yuan a day for LEVEL_3 / 4 / 5,
 * the fund 70%; home care 1200.00 / 1500.00 / 1800.00 yuan a month, the fund 80%; the Barthel scale, a
 * total of 21-40 LEVEL_3, 0 LEVEL_5). The months are the two before this one (M1, M2), and the third and
 * fourth before it (M3, M4) for the tests of late and partly enrolled days, whose benefits end within their
 * month so that the other tests' runs and reports do not see them; every day billed is at most the 28th, so
 * the amounts hold for any month.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareFlowIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final YearMonth M1 = YearMonth.now(BEIJING).minusMonths(2);
    private static final YearMonth M2 = YearMonth.now(BEIJING).minusMonths(1);
    /** Months of the tests that pay late and partly enrolled days: of their own, so no other test's run or report sees them. */
    private static final YearMonth M3 = YearMonth.now(BEIJING).minusMonths(3);
    private static final YearMonth M4 = YearMonth.now(BEIJING).minusMonths(4);
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final CallerIdentity OFFICER = CallerIdentity.staff("care-officer-1", Role.CARE_OFFICER);
    private static final CallerIdentity ASSESSOR = CallerIdentity.staff("assessor-1", Role.CARE_ASSESSOR);
    private static final CallerIdentity BOTH = CallerIdentity.staff("care-both-1", Role.CARE_ASSESSOR, Role.CARE_OFFICER);
    /** Barthel: feeding 5, dressing 5, bowels 5, bladder 5, transfer 5, mobility 5 = 30 -> LEVEL_3 (重度失能一级) */
    private static final String SCORES_30 = """
            {"FEEDING":5,"BATHING":0,"GROOMING":0,"DRESSING":5,"BOWELS":5,"BLADDER":5,"TOILET":0,"TRANSFER":5,"MOBILITY":5,"STAIRS":0}""";
    /** Barthel: every item 0 -> LEVEL_5 (重度失能三级) */
    private static final String SCORES_0 = """
            {"FEEDING":0,"BATHING":0,"GROOMING":0,"DRESSING":0,"BOWELS":0,"BLADDER":0,"TOILET":0,"TRANSFER":0,"MOBILITY":0,"STAIRS":0}""";

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private EventPublisher events;
    private int port;

    @BeforeAll
    void clients() {
        port = environment.getRequiredProperty("local.server.port", Integer.class);
        events = new EventPublisher(json);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void applicationsAssessmentsBillsAndHomeCareWorkedByHand() throws Exception {
        String home = institution("HOME", "INSTITUTION");
        String other = institution("INSTITUTION");
        String p1 = enrolledPerson();
        String p2 = enrolledPerson();
        String p3 = enrolledPerson();

        // P1: institution care at `home`, assessed 30 on M1-01 -> LEVEL_3; reassessed 0 on M2-16 -> LEVEL_5 from M2-16
        String a1 = apply(p1, "INSTITUTION", home, M1.atDay(1));
        JsonNode assessed = read(as(ASSESSOR).post("/api/care/applications/" + a1 + "/assessment",
                assessment(SCORES_30, M1.atDay(1))), 200);
        assertThat(assessed.at("/assessment/totalScore").asInt()).isEqualTo(30);
        assertThat(assessed.at("/assessment/level").asString()).isEqualTo("LEVEL_3");
        assertThat(assessed.at("/assessment/assessedBy").asString()).isEqualTo("assessor-1");
        JsonNode approved = decide(a1, true);
        assertThat(approved.at("/decision/decidedBy").asString()).isEqualTo("care-officer-1");
        JsonNode benefit = read(as(OFFICER).get("/api/care/persons/" + p1 + "/benefit"), 200);
        // valid 24 months from the assessment's day; reassessed after 12
        assertThat(benefit.at("/validFrom").asString()).isEqualTo(M1.atDay(1).toString());
        assertThat(benefit.at("/validTo").asString()).isEqualTo(M1.atDay(1).plusMonths(24).minusDays(1).toString());
        assertThat(benefit.at("/reassessOn").asString()).isEqualTo(M1.atDay(1).plusMonths(12).toString());
        reassess(p1, M2.atDay(10), SCORES_0, M2.atDay(16));

        // P2: institution care at `home`, assessed 0 on M2-05 -> LEVEL_5, valid from M2-05
        approve(apply(p2, "INSTITUTION", home, M2.atDay(1)), SCORES_0, M2.atDay(5));
        // P3: home care, assessed 30 on M1-01 -> LEVEL_3; reassessed 0 on M2-16 -> LEVEL_5
        approve(apply(p3, "HOME", null, M1.atDay(1)), SCORES_30, M1.atDay(1));
        reassess(p3, M2.atDay(10), SCORES_0, M2.atDay(16));

        // refusals, each changing nothing: another institution bills P1 (not assigned to it) ...
        HttpResponse<String> foreign = as(TestCallers.his(other)).post("/api/care/institutions/" + other + "/bills",
                bill(M2, line(p1, M2.atDay(1), M2.atDay(28))));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.body()).contains("lines[0].personId").contains("not a beneficiary assigned to institution " + other);
        // ... days before P2's validity (from M2-05) ...
        HttpResponse<String> early = as(TestCallers.his(home)).post("/api/care/institutions/" + home + "/bills",
                bill(M2, line(p1, M2.atDay(1), M2.atDay(28)), line(p2, M2.atDay(1), M2.atDay(14))));
        assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
        assertThat(early.body()).contains("lines[1].from").contains("before the benefit's validity from " + M2.atDay(5));
        // ... days outside the month
        HttpResponse<String> outside = as(TestCallers.his(home)).post("/api/care/institutions/" + home + "/bills",
                bill(M2, line(p1, M2.atDay(1), M2.plusMonths(1).atDay(1))));
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(422);
        assertThat(outside.body()).contains("lines[0].to");
        assertThat(count("select count(*) from care_bill where institution_code = '" + home + "'")).isZero();
        assertThat(count("select count(*) from care_payment where person_id in ('" + p1 + "', '" + p2 + "')")).isZero();

        // the month M2 of `home`, two beneficiaries of different levels:
        //  P1 days 1-28: 15 days x 50.00 (LEVEL_3, 1-15) = 750.00 + 13 days x 70.00 (LEVEL_5, 16-28) = 910.00
        //     = 1660.00; fund x 0.70 = 1162.00; the person 498.00
        //  P2 days 5-14: 10 days x 70.00 (LEVEL_5) = 700.00; fund 490.00; the person 210.00
        //  the bill: 2360.00, fund 1652.00, persons 708.00
        JsonNode bill = read(as(TestCallers.his(home)).post("/api/care/institutions/" + home + "/bills",
                bill(M2, line(p1, M2.atDay(1), M2.atDay(28)), line(p2, M2.atDay(5), M2.atDay(14)))), 201);
        assertThat(bill.at("/standardAmount").asString()).isEqualTo("2360.00");
        assertThat(bill.at("/fundPaid").asString()).isEqualTo("1652.00");
        assertThat(bill.at("/personShare").asString()).isEqualTo("708.00");
        JsonNode lineP1 = lineOf(bill, p1);
        assertThat(lineP1.at("/periods/0/level").asString()).isEqualTo("LEVEL_3");
        assertThat(lineP1.at("/periods/0/days").asInt()).isEqualTo(15);
        assertThat(lineP1.at("/periods/0/amount").asString()).isEqualTo("750.00");
        assertThat(lineP1.at("/periods/1/level").asString()).isEqualTo("LEVEL_5");
        assertThat(lineP1.at("/periods/1/days").asInt()).isEqualTo(13);
        assertThat(lineP1.at("/periods/1/amount").asString()).isEqualTo("910.00");
        assertThat(lineP1.at("/fundPaid").asString()).isEqualTo("1162.00");
        assertThat(lineP1.at("/personShare").asString()).isEqualTo("498.00");
        assertThat(lineOf(bill, p2).at("/fundPaid").asString()).isEqualTo("490.00");
        assertThat(lineOf(bill, p2).at("/personShare").asString()).isEqualTo("210.00");
        // a later bill of the month is a supplementary bill: days billed already are refused naming the line
        HttpResponse<String> twice = as(TestCallers.his(home)).post("/api/care/institutions/" + home + "/bills",
                bill(M2, line(p1, M2.atDay(1), M2.atDay(2))));
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
        assertThat(twice.body()).contains("lines[0].from").contains("paid already");
        assertThat(read(as(OFFICER).get("/api/care/institutions/" + home + "/bills/" + M2), 200).at("/fundPaid").asString())
                .isEqualTo("1652.00");

        // home care, month M1: P3 LEVEL_3 the whole month: 1200.00; fund x 0.80 = 960.00; the person 240.00
        JsonNode run = read(as(OFFICER).post("/api/care/home-care-runs/" + M1, ""), 200);
        assertThat(run.at("/alreadyRun").asBoolean()).isFalse();
        assertThat(run.at("/payments").asInt()).isEqualTo(1);
        assertThat(run.at("/standardAmount").asString()).isEqualTo("1200.00");
        assertThat(run.at("/fundPaid").asString()).isEqualTo("960.00");
        assertThat(run.at("/personShare").asString()).isEqualTo("240.00");
        long paymentsAfterFirstRun = count("select count(*) from care_payment");
        // a repeated run changes nothing
        JsonNode again = read(as(OFFICER).post("/api/care/home-care-runs/" + M1, ""), 200);
        assertThat(again.at("/alreadyRun").asBoolean()).isTrue();
        assertThat(again.at("/paidNow").asInt()).isZero();
        assertThat(again.at("/fundPaid").asString()).isEqualTo("960.00");
        assertThat(count("select count(*) from care_payment")).isEqualTo(paymentsAfterFirstRun);
        // home care, month M2: the reassessment's LEVEL_5 from the 16th
        read(as(OFFICER).post("/api/care/home-care-runs/" + M2, ""), 200);
        assertThat(jdbc.queryForList("""
                select level || ':' || days from care_payment_period pp join care_payment p using (payment_id)
                where p.person_id = ? and p.month = ? order by first_day""", String.class, p3, M2.atDay(1)))
                .containsExactly("LEVEL_3:15", "LEVEL_5:" + (M2.lengthOfMonth() - 15));

        // every payment is announced once: P1 and P2 (the bill), P3 twice (M1, M2)
        assertThat(outbox("CareBenefitPaid", p1)).isEqualTo(1);
        assertThat(outbox("CareBenefitPaid", p2)).isEqualTo(1);
        assertThat(outbox("CareBenefitPaid", p3)).isEqualTo(2);

        // the month's report, M2: assessments P2 (M2-05), P1 and P3 reassessed (M2-16); three beneficiaries, all
        // LEVEL_5 at the month's end; institution payments 2 (1652.00 of the fund), home care 1
        JsonNode report = read(as(OFFICER).get("/api/care/reports/" + M2 + "?region=500116"), 200);
        assertThat(report.at("/assessments").asLong()).isEqualTo(3);
        assertThat(report.at("/beneficiaries").asLong()).isEqualTo(3);
        assertThat(report.at("/beneficiariesByLevel/LEVEL_5").asLong()).isEqualTo(3);
        assertThat(report.at("/payments/INSTITUTION/count").asLong()).isEqualTo(2);
        assertThat(report.at("/payments/INSTITUTION/fundPaid").asString()).isEqualTo("1652.00");
        assertThat(report.at("/payments/HOME/count").asLong()).isEqualTo(1);
    }

    @Test
    void applyingTwiceIsRefused() throws Exception {
        String person = enrolledPerson();
        apply(person, "HOME", null, null);

        HttpResponse<String> twice = as(OFFICER).post("/api/care/applications", """
                {"personId":"%s","setting":"HOME"}""".formatted(person));

        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
        assertThat(count("select count(*) from care_application where person_id = '" + person + "'")).isEqualTo(1);
    }

    @Test
    void theAssessorNeverDecidesTheirOwnAssessment() throws Exception {
        String person = enrolledPerson();
        String id = apply(person, "HOME", null, null);
        read(as(BOTH).post("/api/care/applications/" + id + "/assessment", assessment(SCORES_30, null)), 200);

        HttpResponse<String> own = as(BOTH).post("/api/care/applications/" + id + "/decision", "{\"approved\":true}");

        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("never decides their own assessment");
        assertThat(read(as(OFFICER).get("/api/care/applications/" + id), 200).at("/status").asString()).isEqualTo("ASSESSED");
        assertThat(count("select count(*) from care_benefit where person_id = '" + person + "'")).isZero();
    }

    @Test
    void aScoreOutOfRangeNamesTheItemAndAModerateLevelIsNotApproved() throws Exception {
        String person = enrolledPerson();
        String id = apply(person, "HOME", null, null);

        HttpResponse<String> outOfRange = as(ASSESSOR).post("/api/care/applications/" + id + "/assessment",
                assessment(SCORES_30.replace("\"TRANSFER\":5", "\"TRANSFER\":20"), null));
        assertThat(outOfRange.statusCode()).as(outOfRange.body()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("scores.TRANSFER");

        // 10+5+5+10+10+10+10 = 60: 中度失能 (LEVEL_2), not eligible in Jiangjin
        read(as(ASSESSOR).post("/api/care/applications/" + id + "/assessment", assessment("""
                {"FEEDING":10,"BATHING":5,"GROOMING":5,"DRESSING":10,"BOWELS":10,"BLADDER":10,"TOILET":10,"TRANSFER":0,"MOBILITY":0,"STAIRS":0}""",
                null)), 200);
        HttpResponse<String> moderate = as(OFFICER).post("/api/care/applications/" + id + "/decision", "{\"approved\":true}");
        assertThat(moderate.statusCode()).as(moderate.body()).isEqualTo(422);
        assertThat(moderate.body()).contains("approved").contains("LEVEL_2");
        assertThat(read(as(OFFICER).post("/api/care/applications/" + id + "/decision", "{\"approved\":false,\"reason\":\"中度失能\"}"), 200)
                .at("/status").asString()).isEqualTo("REFUSED");
    }

    @Test
    void aPersonNotEnrolledCannotApplyAndTheEndOfEnrollmentEndsTheBenefit() throws Exception {
        String stranger = residentId();
        HttpResponse<String> notEnrolled = as(OFFICER).post("/api/care/applications", """
                {"personId":"%s","setting":"HOME"}""".formatted(stranger));
        assertThat(notEnrolled.statusCode()).as(notEnrolled.body()).isEqualTo(422);
        assertThat(notEnrolled.body()).contains("personId").contains("not enrolled");

        String person = enrolledPerson();
        LocalDate today = LocalDate.now(BEIJING);
        approve(apply(person, "HOME", null, today), SCORES_0, today);
        events.publish(new EnrollmentChanged(person, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED, EmploymentTier.EMPLOYER,
                today.getYear(), EnrollmentStatus.TERMINATED, today, "died", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from care_benefit where ended_on is not null and person_id = '" + person + "'") == 1);
        assertThat(read(as(OFFICER).get("/api/care/persons/" + person + "/benefit"), 200).at("/endedOn").asString())
                .isEqualTo(today.minusDays(1).toString());
    }

    @Test
    void deathEndsTheBenefitAndNoDayAfterItIsBilled() throws Exception {
        String institution = institution("INSTITUTION");
        String person = enrolledPerson();
        approve(apply(person, "INSTITUTION", institution, M1.atDay(1)), SCORES_30, M1.atDay(1));

        HttpResponse<String> future = as(OFFICER).post("/api/care/persons/" + person + "/benefit/termination",
                "{\"endsOn\":\"" + LocalDate.now(BEIJING).plusDays(1) + "\",\"reason\":\"死亡\"}");
        assertThat(future.statusCode()).as(future.body()).isEqualTo(422);
        assertThat(future.body()).contains("endsOn");
        JsonNode ended = read(as(OFFICER).post("/api/care/persons/" + person + "/benefit/termination",
                "{\"endsOn\":\"" + M1.atDay(10) + "\",\"reason\":\"死亡\"}"), 200);
        assertThat(ended.at("/endedOn").asString()).isEqualTo(M1.atDay(10).toString());

        // the institution bills days 1-20: day 11 on is after the benefit's last day
        HttpResponse<String> afterDeath = as(TestCallers.his(institution)).post("/api/care/institutions/" + institution + "/bills",
                bill(M1, line(person, M1.atDay(1), M1.atDay(20))));
        assertThat(afterDeath.statusCode()).as(afterDeath.body()).isEqualTo(422);
        assertThat(afterDeath.body()).contains("lines[0].to").contains("after the benefit's last day " + M1.atDay(10));
        assertThat(count("select count(*) from care_bill where institution_code = '" + institution + "'")).isZero();
    }

    @Test
    void enrollmentIsAHistoryByEffectiveDateAndADuplicateChangesNothing() throws Exception {
        String person = enrolledPerson();
        // enrollment ends from M2-01 (delivered twice): the person was enrolled in M1, not from M2 on
        var envelope = events.publish(new EnrollmentChanged(person, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED,
                EmploymentTier.EMPLOYER, M2.getYear(), EnrollmentStatus.TERMINATED, M2.atDay(1), "moved away", Instant.now()));
        events.publish(envelope);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from enrollment_fact where status = 'TERMINATED' and person_id = '" + person + "'") == 1);

        HttpResponse<String> afterTheEnd = as(OFFICER).post("/api/care/applications", """
                {"personId":"%s","setting":"HOME","appliedOn":"%s"}""".formatted(person, M2.atDay(5)));
        assertThat(afterTheEnd.statusCode()).as(afterTheEnd.body()).isEqualTo(422);
        assertThat(afterTheEnd.body()).contains("personId").contains("not enrolled");
        assertThat(apply(person, "HOME", null, M1.atDay(5))).isNotBlank();
    }

    @Test
    void careThatHasNotHappenedIsNotBilled() throws Exception {
        String institution = institution("INSTITUTION");
        String person = enrolledPerson();
        YearMonth thisMonth = YearMonth.now(BEIJING);
        LocalDate today = LocalDate.now(BEIJING);

        // this month has not ended: even its first day (or today) is refused, naming the month, and nothing is written
        HttpResponse<String> current = as(TestCallers.his(institution)).post("/api/care/institutions/" + institution + "/bills",
                bill(thisMonth, line(person, thisMonth.atDay(1), today)));
        assertThat(current.statusCode()).as(current.body()).isEqualTo(422);
        assertThat(current.body()).contains("month").contains(thisMonth + " has not ended");
        HttpResponse<String> next = as(TestCallers.his(institution)).post("/api/care/institutions/" + institution + "/bills",
                bill(thisMonth.plusMonths(1), line(person, thisMonth.plusMonths(1).atDay(1), thisMonth.plusMonths(1).atDay(2))));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(422);
        assertThat(next.body()).contains("month");
        assertThat(count("select count(*) from care_bill where institution_code = '" + institution + "'")).isZero();
        assertThat(count("select count(*) from care_payment where person_id = '" + person + "'")).isZero();
    }

    @Test
    void onlyTheDaysThePersonWasEnrolledArePaid() throws Exception {
        String institution = institution("INSTITUTION");
        String inInstitution = enrolledPerson(M3.getYear());
        String atHome = enrolledPerson(M3.getYear());
        // enrollment ends from M3-20, known before the decisions: nothing to end then, so the benefits granted from
        // M3-01 run on (as for a resident who does not enrol for the next year: no event ends the benefit)
        for (String person : new String[] {inInstitution, atHome}) {
            events.publish(new EnrollmentChanged(person, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED, EmploymentTier.EMPLOYER,
                    M3.getYear(), EnrollmentStatus.TERMINATED, M3.atDay(20), "moved away", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "select count(*) from enrollment_fact where status = 'TERMINATED' and person_id = '" + person + "'") == 1);
        }
        approve(apply(inInstitution, "INSTITUTION", institution, M3.atDay(1)), SCORES_30, M3.atDay(1));
        approve(apply(atHome, "HOME", null, M3.atDay(1)), SCORES_30, M3.atDay(1));
        assertThat(read(as(OFFICER).get("/api/care/persons/" + inInstitution + "/benefit"), 200).at("/endedOn").isNull()).isTrue();

        // the institution bills M3 days 1-28: days 20-28 the person was not enrolled; refused naming the line's to
        HttpResponse<String> notEnrolled = as(TestCallers.his(institution)).post("/api/care/institutions/" + institution + "/bills",
                bill(M3, line(inInstitution, M3.atDay(1), M3.atDay(28))));
        assertThat(notEnrolled.statusCode()).as(notEnrolled.body()).isEqualTo(422);
        assertThat(notEnrolled.body()).contains("lines[0].to").contains("not enrolled")
                .contains(M3.atDay(20) + " to " + M3.atDay(28));
        // ... and days 20-25 alone, naming the line's from
        HttpResponse<String> fromNotEnrolled = as(TestCallers.his(institution)).post("/api/care/institutions/" + institution + "/bills",
                bill(M3, line(inInstitution, M3.atDay(20), M3.atDay(25))));
        assertThat(fromNotEnrolled.statusCode()).as(fromNotEnrolled.body()).isEqualTo(422);
        assertThat(fromNotEnrolled.body()).contains("lines[0].from").contains("not enrolled");
        assertThat(count("select count(*) from care_bill where institution_code = '" + institution + "'")).isZero();

        // days 1-19: 19 days x 50.00 (LEVEL_3) = 950.00; fund x 0.70 = 665.00; the person 285.00
        JsonNode bill = read(as(TestCallers.his(institution)).post("/api/care/institutions/" + institution + "/bills",
                bill(M3, line(inInstitution, M3.atDay(1), M3.atDay(19)))), 201);
        assertThat(bill.at("/sequence").asInt()).isEqualTo(1);
        assertThat(bill.at("/standardAmount").asString()).isEqualTo("950.00");
        assertThat(bill.at("/fundPaid").asString()).isEqualTo("665.00");
        assertThat(bill.at("/personShare").asString()).isEqualTo("285.00");

        // home care, M3: only days 1-19: LEVEL_3 1200.00 x 19 / the month's days, HALF_UP (760.00 in a 30-day month)
        read(as(OFFICER).post("/api/care/home-care-runs/" + M3, ""), 200);
        assertThat(jdbc.queryForList("""
                select level || ':' || first_day || ':' || last_day || ':' || days || ':' || amount
                from care_payment_period pp join care_payment p using (payment_id) where p.person_id = ? order by first_day""",
                String.class, atHome))
                .containsExactly("LEVEL_3:" + M3.atDay(1) + ":" + M3.atDay(19) + ":19:" + new BigDecimal("1200.00")
                        .multiply(BigDecimal.valueOf(19)).divide(BigDecimal.valueOf(M3.lengthOfMonth()), 2, RoundingMode.HALF_UP));

        // the benefits end with the month's 19th (so that no other test's run or report sees them)
        endBenefit(inInstitution, M3.atDay(19));
        endBenefit(atHome, M3.atDay(19));
    }

    @Test
    void aBenefitDecidedAfterItsMonthWasPaidIsPaidLaterAndEachDayOnce() throws Exception {
        String institution = institution("INSTITUTION");
        String early = enrolledPerson(M4.getYear());
        String late = enrolledPerson(M4.getYear());
        String j1 = enrolledPerson(M4.getYear());
        String j2 = enrolledPerson(M4.getYear());

        // home care: `early` approved from M4-01 (LEVEL_3); `late` applied on M4-01, not decided yet
        approve(apply(early, "HOME", null, M4.atDay(1)), SCORES_30, M4.atDay(1));
        String lateApplication = apply(late, "HOME", null, M4.atDay(1));
        // the month's run pays `early` the whole month: 1200.00; fund x 0.80 = 960.00; the person 240.00
        JsonNode first = read(as(OFFICER).post("/api/care/home-care-runs/" + M4, ""), 200);
        assertThat(first.at("/alreadyRun").asBoolean()).isFalse();
        assertThat(first.at("/paidNow").asInt()).isEqualTo(1);
        assertThat(first.at("/fundPaidNow").asString()).isEqualTo("960.00");
        assertThat(first.at("/fundPaid").asString()).isEqualTo("960.00");

        // `late` assessed on M4-01 (0 -> LEVEL_5) and decided after the run: the benefit starts on M4-01
        approve(lateApplication, SCORES_0, M4.atDay(1));
        // the month's next run pays `late` the whole month: 1800.00; fund x 0.80 = 1440.00; the person 360.00; `early`
        // is not paid again
        JsonNode second = read(as(OFFICER).post("/api/care/home-care-runs/" + M4, ""), 200);
        assertThat(second.at("/alreadyRun").asBoolean()).isTrue();
        assertThat(second.at("/paidNow").asInt()).isEqualTo(1);
        assertThat(second.at("/fundPaidNow").asString()).isEqualTo("1440.00");
        assertThat(second.at("/payments").asInt()).isEqualTo(2);
        assertThat(second.at("/standardAmount").asString()).isEqualTo("3000.00");
        assertThat(second.at("/fundPaid").asString()).isEqualTo("2400.00");
        assertThat(second.at("/personShare").asString()).isEqualTo("600.00");
        // a third run changes nothing
        long payments = count("select count(*) from care_payment");
        long announced = count("select count(*) from outbox_event where event_type = 'CareBenefitPaid'");
        JsonNode third = read(as(OFFICER).post("/api/care/home-care-runs/" + M4, ""), 200);
        assertThat(third.at("/paidNow").asInt()).isZero();
        assertThat(third.at("/fundPaidNow").asString()).isEqualTo("0.00");
        assertThat(third.at("/fundPaid").asString()).isEqualTo("2400.00");
        assertThat(count("select count(*) from care_payment")).isEqualTo(payments);
        assertThat(count("select count(*) from outbox_event where event_type = 'CareBenefitPaid'")).isEqualTo(announced);
        assertThat(outbox("CareBenefitPaid", early)).isEqualTo(1);
        assertThat(outbox("CareBenefitPaid", late)).isEqualTo(1);

        // institution care: the month's bill, J1 days 1-20: 20 x 50.00 = 1000.00; fund 700.00; the person 300.00
        approve(apply(j1, "INSTITUTION", institution, M4.atDay(1)), SCORES_30, M4.atDay(1));
        String j2Application = apply(j2, "INSTITUTION", institution, M4.atDay(1));
        JsonNode monthBill = read(as(TestCallers.his(institution)).post("/api/care/institutions/" + institution + "/bills",
                bill(M4, line(j1, M4.atDay(1), M4.atDay(20)))), 201);
        assertThat(monthBill.at("/sequence").asInt()).isEqualTo(1);
        assertThat(monthBill.at("/fundPaid").asString()).isEqualTo("700.00");
        // J2 assessed on M4-10 (0 -> LEVEL_5), decided after the month's bill: the benefit starts on M4-10
        read(as(ASSESSOR).post("/api/care/applications/" + j2Application + "/assessment", assessment(SCORES_0, M4.atDay(10))), 200);
        decide(j2Application, true);
        // a supplementary bill with J1's days 15-28 (15-20 paid already) is refused naming the line; nothing is written
        HttpResponse<String> overlapping = as(TestCallers.his(institution)).post("/api/care/institutions/" + institution + "/bills",
                bill(M4, line(j2, M4.atDay(10), M4.atDay(28)), line(j1, M4.atDay(15), M4.atDay(28))));
        assertThat(overlapping.statusCode()).as(overlapping.body()).isEqualTo(409);
        assertThat(overlapping.body()).contains("lines[1].from").contains(M4.atDay(15) + " to " + M4.atDay(20)).contains("paid already");
        assertThat(count("select count(*) from care_bill where institution_code = '" + institution + "'")).isEqualTo(1);
        assertThat(count("select count(*) from care_payment where person_id = '" + j2 + "'")).isZero();
        // the supplementary bill: J2 days 10-28, 19 x 70.00 (LEVEL_5) = 1330.00, fund 931.00, the person 399.00;
        // J1 days 21-28 (not billed yet), 8 x 50.00 = 400.00, fund 280.00, the person 120.00;
        // the bill 1730.00, fund 1211.00, persons 519.00
        JsonNode supplementary = read(as(TestCallers.his(institution)).post("/api/care/institutions/" + institution + "/bills",
                bill(M4, line(j2, M4.atDay(10), M4.atDay(28)), line(j1, M4.atDay(21), M4.atDay(28)))), 201);
        assertThat(supplementary.at("/sequence").asInt()).isEqualTo(2);
        assertThat(supplementary.at("/standardAmount").asString()).isEqualTo("1730.00");
        assertThat(supplementary.at("/fundPaid").asString()).isEqualTo("1211.00");
        assertThat(supplementary.at("/personShare").asString()).isEqualTo("519.00");
        assertThat(lineOf(supplementary, j2).at("/fundPaid").asString()).isEqualTo("931.00");
        assertThat(lineOf(supplementary, j1).at("/fundPaid").asString()).isEqualTo("280.00");
        // the month's bills: 1000.00 + 1730.00 = 2730.00; fund 700.00 + 1211.00 = 1911.00
        JsonNode month = read(as(TestCallers.his(institution)).get("/api/care/institutions/" + institution + "/bills/" + M4), 200);
        assertThat(month.at("/bills").size()).isEqualTo(2);
        assertThat(month.at("/standardAmount").asString()).isEqualTo("2730.00");
        assertThat(month.at("/fundPaid").asString()).isEqualTo("1911.00");
        // J1's days 1-28 are each paid once
        assertThat(count("select count(*) from care_payment_day d join care_payment p using (payment_id) where p.person_id = '"
                + j1 + "'")).isEqualTo(28);

        // the benefits end with the month (so that no other test's run or report sees them)
        for (String person : new String[] {early, late, j1, j2}) {
            endBenefit(person, M4.atEndOfMonth());
        }
    }

    // --- helpers ---

    private ServiceClient as(CallerIdentity caller) {
        return new ServiceClient(port, caller);
    }

    private String institution(String... settings) throws Exception {
        String code = "C5001" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        read(as(OFFICER).post("/api/care/institutions", """
                {"institutionCode":"%s","name":"江津区护理院","regionCode":"500116","settings":[%s]}"""
                .formatted(code, String.join(",", java.util.Arrays.stream(settings).map(s -> "\"" + s + "\"").toList()))), 201);
        return code;
    }

    /** A person enrolled in Jiangjin (employee, retired) for every year of M1, M2 and today. */
    private String enrolledPerson() {
        return enrolledPerson(M1.getYear(), M2.getYear(), LocalDate.now(BEIJING).getYear());
    }

    /** A person enrolled in Jiangjin (employee, retired) for the years given, and no other. */
    private String enrolledPerson(Integer... enrolledYears) {
        String person = residentId();
        TreeSet<Integer> years = new TreeSet<>(java.util.List.of(enrolledYears));
        for (int year : years) {
            events.publish(new PersonEnrolled(person, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED, EmploymentTier.EMPLOYER,
                    year, LocalDate.of(year, 1, 1), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from enrollment_fact where person_id = '" + person + "'") == years.size());
        return person;
    }

    private String apply(String person, String setting, String institution, LocalDate appliedOn) throws Exception {
        String body = "{\"personId\":\"%s\",\"setting\":\"%s\"%s%s}".formatted(person, setting,
                institution == null ? "" : ",\"institutionCode\":\"" + institution + "\"",
                appliedOn == null ? "" : ",\"appliedOn\":\"" + appliedOn + "\"");
        return read(as(OFFICER).post("/api/care/applications", body), 201).at("/applicationId").asString();
    }

    private void approve(String application, String scores, LocalDate assessedOn) throws Exception {
        read(as(ASSESSOR).post("/api/care/applications/" + application + "/assessment", assessment(scores, assessedOn)), 200);
        decide(application, true);
    }

    private void reassess(String person, LocalDate appliedOn, String scores, LocalDate assessedOn) throws Exception {
        String id = read(as(OFFICER).post("/api/care/persons/" + person + "/reassessments", "{\"appliedOn\":\"" + appliedOn + "\"}"), 201)
                .at("/applicationId").asString();
        approve(id, scores, assessedOn);
    }

    private void endBenefit(String person, LocalDate endsOn) throws Exception {
        read(as(OFFICER).post("/api/care/persons/" + person + "/benefit/termination",
                "{\"endsOn\":\"" + endsOn + "\",\"reason\":\"test ends\"}"), 200);
    }

    private JsonNode decide(String application, boolean approved) throws Exception {
        return read(as(OFFICER).post("/api/care/applications/" + application + "/decision", "{\"approved\":" + approved + "}"), 200);
    }

    private static String assessment(String scores, LocalDate assessedOn) {
        return "{\"scale\":\"BARTHEL\",\"scores\":" + scores.strip() + (assessedOn == null ? "" : ",\"assessedOn\":\"" + assessedOn + "\"") + "}";
    }

    private static String line(String person, LocalDate from, LocalDate to) {
        return "{\"personId\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(person, from, to);
    }

    private static String bill(YearMonth month, String... lines) {
        return "{\"month\":\"" + month + "\",\"lines\":[" + String.join(",", lines) + "]}";
    }

    private static JsonNode lineOf(JsonNode bill, String person) {
        for (JsonNode line : bill.path("lines")) {
            if (line.path("personId").asString().equals(person)) {
                return line;
            }
        }
        throw new AssertionError("no line of " + person + " in " + bill);
    }

    private JsonNode read(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private long outbox(String type, String person) {
        return jdbc.queryForObject("select count(*) from outbox_event where event_type = ? and envelope like ?", Long.class,
                type, "%" + person + "%");
    }

    private static String residentId() {
        String first17 = "500116" + "19400101" + String.format("%03d", 100 + PEOPLE.incrementAndGet());
        return first17 + ResidentId.checkCharacter(first17);
    }
}
