package org.yibao.settlement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.contracts.events.CertificationChanged;
import org.yibao.contracts.events.CertificationStatus;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.time.BeijingTime;
import org.yibao.settlement.readmodel.Certification;
import org.yibao.settlement.readmodel.ReadModelService;
import org.yibao.settlement.readmodel.ReadModelStore;
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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Facts over time (issue 22): settlement settles a bill by what was true on its service date —
 * enrollment and person type, assistance identity, the institution's agreement and level — whatever
 * was announced since.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactsOverTimeIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String HOSPITAL = "H44170000313";   // Yangjiang, level 3
    private static final LocalDate TODAY = LocalDate.now(BeijingTime.ZONE);
    /** A year whose first two months are past, so that every date used below is in the past. */
    private static final int YEAR = TODAY.getDayOfYear() > 60 ? TODAY.getYear() : TODAY.getYear() - 1;

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;
    @Autowired
    private ReadModelService readModels;
    @Autowired
    private ReadModelStore store;

    private ServiceClient api;
    private EventPublisher events;

    @BeforeAll
    void hospitalExists() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.his(HOSPITAL));
        events = new EventPublisher(json);
        events.publish(new InstitutionStatusChanged(HOSPITAL, "阳江市某三甲医院", "441700", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_3, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from institution_period where code = ?", Integer.class, HOSPITAL) == 1);
    }

    @AfterAll
    void closeClients() {
        events.close();
    }

    /**
     * The input: an employee enrolled for the year (active, employer) retires from 1 February
     * (the 1 November, moved so the test runs on any day); a bill of 20 January settled after the
     * change is paid at the active rate, one of 10 February at the retired rate. Yangjiang employee
     * inpatient at level 3 (seed): deductible 700 per admission (ASSUMPTION of the pack), active 76%,
     * retired 78%. Each bill 10,700.00 of haemodialysis (class A):
     * 20 January: (10,700 - 700) x 76% = 7,600.00 fund, 3,100.00 cash;
     * 10 February: (10,700 - 700) x 78% = 7,800.00 fund, 2,900.00 cash.
     */
    @Test
    void anEmployeeWhoRetiresIsPaidAtTheActiveRateBeforeAndTheRetiredRateAfter() throws Exception {
        String person = nextPerson();
        events.publish(new PersonEnrolled(person, "441700", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER,
                YEAR, LocalDate.of(YEAR, 1, 1), Instant.now()));
        events.publish(new EnrollmentChanged(person, "441700", Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED, EmploymentTier.EMPLOYER,
                YEAR, EnrollmentStatus.ACTIVE, LocalDate.of(YEAR, 2, 1), "retired", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from enrollment_period where person_id = ?", Integer.class, person) == 2);

        HttpResponse<String> october = settle(person, HOSPITAL, LocalDate.of(YEAR, 1, 20));
        HttpResponse<String> november = settle(person, HOSPITAL, LocalDate.of(YEAR, 2, 10));

        assertThat(october.statusCode()).as(october.body()).isEqualTo(201);
        assertThat(november.statusCode()).as(november.body()).isEqualTo(201);
        JsonNode before = json.readTree(october.body()).at("/amounts");
        JsonNode after = json.readTree(november.body()).at("/amounts");
        assertThat(before.at("/basicFund").asString()).isEqualTo("7600.00");
        assertThat(before.at("/cash").asString()).isEqualTo("3100.00");
        assertThat(after.at("/deductible").asString()).isEqualTo("700.00");
        assertThat(after.at("/basicFund").asString()).isEqualTo("7800.00");
        assertThat(after.at("/cash").asString()).isEqualTo("2900.00");
    }

    /** A bill dated before the enrollment began, or during a suspension, is refused; one after the resumption is paid. */
    @Test
    void coverageHasItsGapsOnTheirDates() throws Exception {
        String person = nextPerson();
        events.publish(new PersonEnrolled(person, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, YEAR,
                LocalDate.of(YEAR, 1, 10), Instant.now()));
        events.publish(new EnrollmentChanged(person, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, YEAR,
                EnrollmentStatus.SUSPENDED, LocalDate.of(YEAR, 1, 20), "suspended", Instant.now()));
        events.publish(new EnrollmentChanged(person, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, YEAR,
                EnrollmentStatus.ACTIVE, LocalDate.of(YEAR, 2, 1), "resumed", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from enrollment_period where person_id = ?", Integer.class, person) == 3);

        assertThat(preSettle(person, HOSPITAL, LocalDate.of(YEAR, 1, 9)).statusCode()).isEqualTo(422);
        assertThat(preSettle(person, HOSPITAL, LocalDate.of(YEAR, 1, 15)).statusCode()).isEqualTo(200);
        HttpResponse<String> suspended = preSettle(person, HOSPITAL, LocalDate.of(YEAR, 1, 25));
        assertThat(suspended.statusCode()).isEqualTo(422);
        assertThat(suspended.body()).contains("not enrolled").contains(LocalDate.of(YEAR, 1, 25).toString());
        assertThat(preSettle(person, HOSPITAL, LocalDate.of(YEAR, 2, 5)).statusCode()).isEqualTo(200);
    }

    /**
     * A certification revoked keeps its days before the revocation (enrollment ends its validity the day
     * before); an application withdrawn before any decision never was in force.
     */
    @Test
    void aRevokedCertificationStillCountsForTheDaysBeforeItsRevocation() {
        String person = nextPerson();
        readModels.certificationChanged(new CertificationChanged("C1-" + person, person, "441700", "I10", "高血压",
                CertificationStatus.APPROVED, LocalDate.of(YEAR, 1, 1), null, Instant.now()));
        readModels.certificationChanged(new CertificationChanged("C1-" + person, person, "441700", "I10", "高血压",
                CertificationStatus.REVOKED, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 1, 31), Instant.now()));
        readModels.certificationChanged(new CertificationChanged("C2-" + person, person, "441700", "E11", "糖尿病",
                CertificationStatus.PENDING, LocalDate.of(YEAR, 1, 5), null, Instant.now()));
        readModels.certificationChanged(new CertificationChanged("C2-" + person, person, "441700", "E11", "糖尿病",
                CertificationStatus.REVOKED, LocalDate.of(YEAR, 1, 5), null, Instant.now()));

        assertThat(store.certificationsInForce(person, LocalDate.of(YEAR, 1, 31))).extracting(Certification::diseaseCode)
                .containsExactly("I10");
        assertThat(store.certificationsInForce(person, LocalDate.of(YEAR, 2, 1))).isEmpty();
        // issue 26: a bill reads the same in one statement with the person's enrollment
        store.upsertEnrollment(new org.yibao.settlement.readmodel.Enrollment(person, YEAR, Scheme.RESIDENT, PersonType.RESIDENT,
                Optional.empty(), "441700", EnrollmentStatus.ACTIVE, LocalDate.of(YEAR, 1, 1)));
        assertThat(store.personOn(person, LocalDate.of(YEAR, 1, 31)).orElseThrow().certifiedDiseases()).containsExactly("I10");
        assertThat(store.personOn(person, LocalDate.of(YEAR, 2, 1)).orElseThrow().certifiedDiseases()).isEmpty();
    }

    /**
     * Property: over random histories of facts — enrollment periods announced in any order of their dates
     * (corrections back-dated), assistance identities begun, changed and ended, an institution's agreement
     * suspended and restored and its level changed — a bill's result depends only on the facts true on its
     * service date: it is the result of the same bill for a person and an institution whose only facts are
     * those, true from the first of the year; and it is refused exactly when those facts do not let it be
     * settled. The facts on a date come from this test's own model (a day-by-day painting of the history),
     * not from settlement's tables.
     */
    @Test
    void aBillsResultDependsOnlyOnTheFactsTrueOnItsServiceDate() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LocalDate last = TODAY.getYear() == YEAR ? TODAY : LocalDate.of(YEAR, 12, 31);
        int compared = 0;
        for (int round = 0; round < 40; round++) {
            History h = History.random(random, nextPerson(), "H4417" + String.format("%07d", random.nextInt(10_000_000)), YEAR);
            h.apply(readModels);
            LocalDate date = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(last.getDayOfYear()));
            String context = "seed " + seed + ", round " + round + ", date " + date + ", history " + h;

            HttpResponse<String> actual = preSettle(h.person, h.institution, date);
            // issue 26: the one statement a bill reads its person by answers as the separate look-ups do
            Optional<ReadModelStore.PersonOn> person = store.personOn(h.person, date);
            assertThat(person.map(ReadModelStore.PersonOn::enrollment)).as(context).isEqualTo(store.enrollmentOn(h.person, date));
            person.ifPresent(p -> assertThat(p.category()).as(context).isEqualTo(store.assistanceCategory(h.person, date)));

            Optional<History.EnrollmentFact> enrollment = h.enrollmentOn(date);
            Optional<History.InstitutionFact> institution = h.institutionOn(date);
            boolean settles = enrollment.isPresent() && enrollment.get().status() == EnrollmentStatus.ACTIVE
                    && institution.isPresent() && institution.get().status() == AgreementStatus.ACTIVE;
            if (!settles) {
                assertThat(actual.statusCode()).as(context + ": " + actual.body()).isEqualTo(422);
                continue;
            }
            assertThat(actual.statusCode()).as(context + ": " + actual.body()).isEqualTo(200);
            String twin = nextPerson();
            String twinInstitution = "H4417" + String.format("%07d", random.nextInt(10_000_000));
            History.single(twin, twinInstitution, YEAR, h.scheme, enrollment.get(), h.categoryOn(date), institution.get())
                    .apply(readModels);
            HttpResponse<String> expected = preSettle(twin, twinInstitution, date);
            assertThat(json.readTree(actual.body()).at("/amounts")).as(context)
                    .isEqualTo(json.readTree(expected.body()).at("/amounts"));
            compared++;
        }
        assertThat(compared).as("rounds whose bill settled (seed " + seed + ")").isPositive();
    }

    /** One person's and one institution's random history of facts in a year, in the order it was announced. */
    static final class History {

        record EnrollmentFact(LocalDate from, PersonType type, EnrollmentStatus status) {
        }

        record IdentityFact(AssistanceCategory category, LocalDate from, LocalDate to, LocalDate announced) {
        }

        record InstitutionFact(LocalDate from, AgreementStatus status, InstitutionLevel level) {
        }

        final String person;
        final String institution;
        final int year;
        final Scheme scheme;
        final List<EnrollmentFact> enrollment = new ArrayList<>();
        final List<IdentityFact> identities = new ArrayList<>();
        final List<InstitutionFact> institutionFacts = new ArrayList<>();

        History(String person, String institution, int year, Scheme scheme) {
            this.person = person;
            this.institution = institution;
            this.year = year;
            this.scheme = scheme;
        }

        static History random(Random r, String person, String institution, int year) {
            Scheme scheme = r.nextBoolean() ? Scheme.EMPLOYEE : Scheme.RESIDENT;
            History h = new History(person, institution, year, scheme);
            LocalDate start = day(r, year, 0, 200);
            h.enrollment.add(new EnrollmentFact(start, type(r, scheme), EnrollmentStatus.ACTIVE));
            for (int i = r.nextInt(4); i > 0; i--) {
                EnrollmentStatus status = r.nextInt(4) == 0 ? EnrollmentStatus.SUSPENDED : EnrollmentStatus.ACTIVE;
                h.enrollment.add(new EnrollmentFact(start.plusDays(r.nextInt(365 - start.getDayOfYear() + 1)), type(r, scheme), status));
            }
            if (scheme == Scheme.RESIDENT) {
                for (int i = r.nextInt(4); i > 0; i--) {
                    LocalDate from = day(r, year, 0, 330);
                    AssistanceCategory category = r.nextInt(3) == 0 ? null : r.nextBoolean()
                            ? AssistanceCategory.EXTREME_POVERTY : AssistanceCategory.MINIMUM_LIVING;
                    LocalDate to = r.nextBoolean() ? null : from.plusDays(r.nextInt(120));
                    h.identities.add(new IdentityFact(category, from, to, day(r, year, 0, 364)));
                }
            }
            h.institutionFacts.add(new InstitutionFact(day(r, year, -100, 150), AgreementStatus.ACTIVE, level(r)));
            for (int i = r.nextInt(3); i > 0; i--) {
                AgreementStatus status = r.nextInt(3) == 0 ? AgreementStatus.SUSPENDED : AgreementStatus.ACTIVE;
                h.institutionFacts.add(new InstitutionFact(day(r, year, 0, 364), status, level(r)));
            }
            return h;
        }

        /** A history of just the facts given, each true from the first of the year. */
        static History single(String person, String institution, int year, Scheme scheme, EnrollmentFact enrollment,
                              Optional<AssistanceCategory> category, InstitutionFact institutionFact) {
            History h = new History(person, institution, year, scheme);
            LocalDate first = LocalDate.of(year, 1, 1);
            h.enrollment.add(new EnrollmentFact(first, enrollment.type(), enrollment.status()));
            category.ifPresent(c -> h.identities.add(new IdentityFact(c, first, null, first)));
            h.institutionFacts.add(new InstitutionFact(first, institutionFact.status(), institutionFact.level()));
            return h;
        }

        /** Announces the history to settlement's read models, in its order, as their consumers would. */
        void apply(ReadModelService readModels) {
            EmploymentTier tier = scheme == Scheme.EMPLOYEE ? EmploymentTier.EMPLOYER : null;
            EnrollmentFact first = enrollment.get(0);
            readModels.personEnrolled(new PersonEnrolled(person, "441700", scheme, first.type(), tier, year, first.from(),
                    Instant.now()));
            enrollment.stream().skip(1).forEach(f -> readModels.enrollmentChanged(new EnrollmentChanged(person, "441700", scheme,
                    f.type(), tier, year, f.status(), f.from(), "change", Instant.now())));
            identities.forEach(f -> readModels.assistanceIdentityChanged(new AssistanceIdentityChanged(person, "441700", null,
                    f.category(), f.category() == null ? null : f.from(), f.category() == null ? null : f.to(), List.of("civil-affairs"),
                    f.announced().atTime(LocalTime.NOON).atZone(BeijingTime.ZONE).toInstant())));
            institutionFacts.forEach(f -> readModels.institutionStatusChanged(new InstitutionStatusChanged(institution,
                    "某医院", "441700", InstitutionKind.HOSPITAL, f.level(), null, f.status(), f.from(), null, Instant.now())));
        }

        /** The enrollment facts on a date: of the periods begun by then, the latest begun (the last announced on a tie). */
        Optional<EnrollmentFact> enrollmentOn(LocalDate date) {
            EnrollmentFact found = null;
            for (EnrollmentFact f : enrollment) {
                if (!f.from().isAfter(date) && (found == null || !f.from().isBefore(found.from()))) {
                    found = f;
                }
            }
            return Optional.ofNullable(found);
        }

        Optional<InstitutionFact> institutionOn(LocalDate date) {
            InstitutionFact found = null;
            for (InstitutionFact f : institutionFacts) {
                if (!f.from().isAfter(date) && (found == null || !f.from().isBefore(found.from()))) {
                    found = f;
                }
            }
            return Optional.ofNullable(found);
        }

        /**
         * The identity on a date, painting the year day by day in announcement order: an identity holds
         * from its first day to its last (or on), and ends every earlier one from its first day; an
         * identity ended (category none) ends every earlier one from the day it was announced.
         */
        Optional<AssistanceCategory> categoryOn(LocalDate date) {
            AssistanceCategory[] days = new AssistanceCategory[LocalDate.of(year, 12, 31).getDayOfYear() + 1];
            for (IdentityFact f : identities) {
                LocalDate from = f.category() == null ? f.announced() : f.from();
                for (LocalDate d = from; d.getYear() == year; d = d.plusDays(1)) {
                    days[d.getDayOfYear()] = f.category() != null && (f.to() == null || !d.isAfter(f.to())) ? f.category() : null;
                }
            }
            return Optional.ofNullable(days[date.getDayOfYear()]);
        }

        private static LocalDate day(Random r, int year, int fromDay, int toDay) {
            return LocalDate.of(year, 1, 1).plusDays(fromDay + r.nextInt(toDay - fromDay + 1));
        }

        private static PersonType type(Random r, Scheme scheme) {
            return scheme == Scheme.RESIDENT ? PersonType.RESIDENT
                    : r.nextBoolean() ? PersonType.EMPLOYEE_ACTIVE : PersonType.EMPLOYEE_RETIRED;
        }

        private static InstitutionLevel level(Random r) {
            return List.of(InstitutionLevel.LEVEL_1, InstitutionLevel.LEVEL_2, InstitutionLevel.LEVEL_3).get(r.nextInt(3));
        }

        @Override
        public String toString() {
            return scheme + " enrollment " + enrollment + ", identities " + identities + ", institution " + institutionFacts;
        }
    }

    private HttpResponse<String> settle(String person, String institution, LocalDate date) {
        return api.as(TestCallers.his(institution)).post("/api/settlement/settlements", bill(person, institution, date));
    }

    private HttpResponse<String> preSettle(String person, String institution, LocalDate date) {
        return api.as(TestCallers.his(institution)).post("/api/settlement/pre-settlements", bill(person, institution, date));
    }

    /** An inpatient bill of 10,700.00: haemodialysis (血液透析, class A), 26.75 sessions of 400.00. */
    private static String bill(String person, String institution, LocalDate date) {
        return """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],
                 "lines":[{"itemCode":"S311201001","quantity":26.75,"unitPrice":"400.00"}]}"""
                .formatted(UUID.randomUUID(), person, institution, date);
    }

    private static String nextPerson() {
        String first17 = "441702" + "19710101" + String.format("%03d", PEOPLE.incrementAndGet() % 1000);
        return first17 + ResidentId.checkCharacter(first17);
    }
}
