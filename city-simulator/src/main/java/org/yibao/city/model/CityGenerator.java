package org.yibao.city.model;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the simulated city from its parameters alone. Each person, and each person's year of
 * encounters, comes from a random stream of its own (seed and person index), so a city of any size
 * is produced person by person without holding it in memory, and the same parameters always give
 * the same city.
 *
 * <p>Rates are illustrative, scaled to the Zhumadian seed where it states them (7.2% low-income,
 * 6.7% employees among the enrolled); the rest are ASSUMPTIONs of a plausible prefecture-level city.
 */
public final class CityGenerator {

    /** Ages are spread over 90 years of birth dates. */
    private static final int BIRTH_DAYS = 90 * 365;
    private static final long ID_SPACE = (long) Roster.COUNTIES.size() * BIRTH_DAYS * 1000;
    /** A prime that shares no factor with the id space, so index -> id is one-to-one. */
    private static final long ID_STRIDE = 1_000_003L;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
            "超", "秀英", "华", "建国", "丽"};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;

    private final CityParameters city;
    private final Formulary formulary;
    private final CareProfile profile;
    private final List<Double> categoryBounds;
    private final List<Double> chronicBounds;
    private final List<Double> outpatientLevelBounds;

    /** A city prescribing from the standard synthetic catalog. */
    public CityGenerator(CityParameters city) {
        this(city, Formulary.standard());
    }

    public CityGenerator(CityParameters city, Formulary formulary) {
        this(city, formulary, CareProfile.DEFAULT);
    }

    /** A city whose people and care follow a profile of their own (a calibrated city, issue 28). */
    public CityGenerator(CityParameters city, Formulary formulary, CareProfile profile) {
        this.city = city;
        this.formulary = formulary;
        this.profile = profile;
        this.categoryBounds = profile.population().categories().bounds();
        this.chronicBounds = profile.population().chronic().bounds();
        this.outpatientLevelBounds = profile.care().outpatientLevels().bounds();
    }

    /** The people and care the city is generated with. */
    public CareProfile profile() {
        return profile;
    }

    public CityParameters parameters() {
        return city;
    }

    /** What the city's doctors prescribe from the synthetic national catalog, and the institutions' own codes. */
    public Formulary formulary() {
        return formulary;
    }

    /** The registered population, person by person. */
    public java.util.stream.Stream<Person> persons() {
        return java.util.stream.IntStream.range(0, city.persons()).mapToObj(this::person);
    }

    public Person person(int index) {
        SplittableRandom r = random(index, 0);
        long j = Math.floorMod(ID_STRIDE * index + Math.floorMod(city.seed() * 0x9E3779B97F4A7C15L, ID_SPACE), ID_SPACE);
        Roster.County county = Roster.COUNTIES.get((int) (j % Roster.COUNTIES.size()));
        long rest = j / Roster.COUNTIES.size();
        LocalDate born = LocalDate.of(city.year() - 90, 1, 1).plusDays(rest % BIRTH_DAYS);
        int sequence = (int) (rest / BIRTH_DAYS);
        String first17 = county.code() + born.format(BIRTH) + String.format("%03d", sequence);
        ResidentId id = ResidentId.of(first17 + ResidentId.checkCharacter(first17));
        int age = city.year() - born.getYear();
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];

        Scheme scheme = Scheme.RESIDENT;
        PersonType type = PersonType.RESIDENT;
        EmploymentTier tier = null;
        CareProfile.Population population = profile.population();
        if (age >= 18 && age < 60 && r.nextDouble() < population.employeeActiveShare()) {
            scheme = Scheme.EMPLOYEE;
            type = PersonType.EMPLOYEE_ACTIVE;
        } else if (age >= 60 && r.nextDouble() < population.employeeRetiredShare()) {
            scheme = Scheme.EMPLOYEE;
            type = PersonType.EMPLOYEE_RETIRED;
        }
        if (scheme == Scheme.EMPLOYEE) {
            double t = r.nextDouble();
            tier = t < 0.80 ? EmploymentTier.EMPLOYER : t < 0.92 ? EmploymentTier.INDIVIDUAL_TIER_2 : EmploymentTier.INDIVIDUAL_TIER_1;
        }
        AssistanceCategory category = scheme == Scheme.RESIDENT ? category(r.nextDouble()) : null;
        // the seed: low-income people are all enrolled; ASSUMPTION: 3.5% of the others are not
        boolean enrolled = category != null || r.nextDouble() >= population.notEnrolledShare();

        Person.Chronic chronic = null;
        Institution centre = null;
        double c = r.nextDouble();
        if (enrolled && age >= 40) {
            chronic = c < chronicBounds.get(0) ? Person.Chronic.RENAL_FAILURE : c < chronicBounds.get(1) ? Person.Chronic.HYPERTENSION
                    : c < chronicBounds.get(2) ? Person.Chronic.DIABETES : null;
            List<Institution> centres = new ArrayList<>(Roster.hospitals(InstitutionLevel.LEVEL_2));
            centres.addAll(Roster.hospitals(InstitutionLevel.LEVEL_3));
            centre = chronic == null ? null : centres.get(r.nextInt(centres.size()));
        }
        LocalDate died = null;
        if (age >= 60 && r.nextDouble() < 0.012 && city.days() > 60) {
            died = city.firstDay().plusDays(30 + r.nextInt(city.days() - 30));
        }
        // ASSUMPTION: low-income households live on 3,000-18,000 yuan a year
        Money income = category == null ? null : Money.ofFen(100L * (3_000 + r.nextInt(15_001)));
        return new Person(index, id, name, county.code(), age, scheme, type, tier, enrolled, category, chronic, centre, died,
                income);
    }

    private AssistanceCategory category(double r) {
        List<Double> b = categoryBounds;
        if (r < b.get(0)) {
            return AssistanceCategory.EXTREME_POVERTY;
        } else if (r < b.get(1)) {
            return AssistanceCategory.MINIMUM_LIVING;
        } else if (r < b.get(2)) {
            return AssistanceCategory.LIFTED_OUT_OF_POVERTY;
        } else if (r < b.get(3)) {
            return AssistanceCategory.LIFTED_UNSTABLE;
        } else if (r < b.get(4)) {
            return AssistanceCategory.POVERTY_MONITORED;
        } else if (r < b.get(5)) {
            return AssistanceCategory.MINIMUM_LIVING_MARGINAL;
        }
        return null;
    }

    /** One department's record of a person's identity, as its feed file carries it. */
    public record FeedRecord(String department, String recordId, Person person, AssistanceCategory category) {
    }

    /**
     * The departments' records of a low-income person: civil affairs (特困, 低保, 低保边缘) and rural
     * revitalization (脱贫, 监测) each list their own people; some are listed again by the disabled
     * persons' federation or veterans affairs (duplicates), and some of rural revitalization's people
     * are also 低保 at civil affairs (a conflict the platform resolves by category priority).
     */
    public List<FeedRecord> feedRecords(Person p) {
        if (p.category() == null) {
            return List.of();
        }
        SplittableRandom r = random(p.index(), 1);
        List<FeedRecord> records = new ArrayList<>();
        boolean civil = switch (p.category()) {
            case EXTREME_POVERTY, MINIMUM_LIVING, MINIMUM_LIVING_MARGINAL, SUDDEN_HARDSHIP -> true;
            default -> false;
        };
        String own = civil ? "civil-affairs" : "rural-revitalization";
        records.add(new FeedRecord(own, recordId(own, p), p, p.category()));
        double d = r.nextDouble();
        if (d < 0.08) {
            records.add(new FeedRecord("disabled-federation", recordId("disabled-federation", p), p, p.category()));
        } else if (d < 0.11) {
            records.add(new FeedRecord("veterans-affairs", recordId("veterans-affairs", p), p, p.category()));
        }
        if (!civil && r.nextDouble() < 0.05) {
            records.add(new FeedRecord("civil-affairs", recordId("civil-affairs", p), p, AssistanceCategory.MINIMUM_LIVING));
        }
        return records;
    }

    private String recordId(String department, Person p) {
        return department.substring(0, 3).toUpperCase() + "-" + city.seed() + "-" + p.index();
    }

    /**
     * The person's year: outpatient visits, chronic-disease follow-ups at their centre, pharmacy
     * purchases and admissions, date by date, with any fraud planted around them. Nobody enrolled is
     * treated after their death except by a planted bill.
     */
    public List<Encounter> encounters(Person p) {
        if (!p.enrolled()) {
            return List.of();
        }
        SplittableRandom r = random(p.index(), 2);
        LocalDate first = city.firstDay();
        LocalDate last = p.diedOn() != null ? p.diedOn() : city.lastDay();
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        double yearShare = days / 365.0;
        List<Draft> drafts = new ArrayList<>();

        CareProfile.Care care = profile.care();
        double outpatientRate = p.age() < 6 ? care.outpatient().children() : p.age() < 60 ? care.outpatient().adults()
                : care.outpatient().elderly();
        for (int n = poisson(r, outpatientRate * yearShare); n > 0; n--) {
            drafts.add(outpatient(r, p, first.plusDays(r.nextInt(days))));
        }
        double pharmacyRate = p.age() < 18 ? care.pharmacy().children() : p.age() < 60 ? care.pharmacy().adults()
                : care.pharmacy().elderly();
        for (int n = poisson(r, pharmacyRate * yearShare); n > 0; n--) {
            drafts.add(pharmacy(r, p, first.plusDays(r.nextInt(days))));
        }
        if (p.chronic() != null) {
            int every = p.chronic() == Person.Chronic.RENAL_FAILURE ? 30 : 90;
            for (LocalDate d = first.plusDays(r.nextInt(every)); !d.isAfter(last); d = d.plusDays(every)) {
                Draft followUp = chronic(r, p, d);
                drafts.add(followUp);
                // a prescription that runs out before the next follow-up is bridged at a pharmacy as it runs out, for the
                // days left: an honest patient does not hoard (the audit's cumulative-supply rule looks for those who do)
                Item drug = p.chronic() == Person.Chronic.HYPERTENSION ? Item.AMLODIPINE
                        : p.chronic() == Person.Chronic.DIABETES ? Item.METFORMIN : null;
                if (drug != null) {
                    int supply = followUp.lines.stream().filter(l -> l.item() == drug)
                            .mapToInt(l -> (int) Math.floor(l.quantity().doubleValue() / unitsPerDay(drug))).sum();
                    LocalDate runsOut = d.plusDays(Math.max(1, supply - r.nextInt(3)));
                    if (supply < every && !runsOut.isAfter(last)) {
                        int gap = every - supply;
                        drafts.add(new Draft(runsOut, pick(r, Roster.pharmacies()), VisitType.PHARMACY, List.of(),
                                List.of(line(drug, (int) (gap * unitsPerDay(drug)))), null));
                    }
                }
            }
        }
        List<LocalDate> admissions = new ArrayList<>();
        double admissionRate = p.age() < 18 ? care.admission().children() : p.age() < 60 ? care.admission().adults()
                : care.admission().elderly();
        // discharged three weeks into the year at the earliest, so that even a 20-day stay began in it
        if (r.nextDouble() < admissionRate * yearShare && days > 21) {
            LocalDate discharged = first.plusDays(21 + r.nextInt(days - 21));
            drafts.add(inpatient(r, p, discharged, null, null));
            admissions.add(discharged);
            // a second, unrelated stay at least two months apart
            if (r.nextDouble() < care.secondStay() && !discharged.plusDays(60).isAfter(last)) {
                LocalDate second = discharged.plusDays(60 + r.nextInt((int) (last.toEpochDay() - discharged.toEpochDay()) - 59));
                drafts.add(inpatient(r, p, second, null, drafts.get(drafts.size() - 1).diagnoses.get(0).substring(0, 3)));
            }
        }
        boolean plantedOriginal = plantFraud(r, p, drafts, last);
        if (!plantedOriginal) {
            new Practice(random(p.index(), 5), p, drafts, last).plant();
        }
        // the honest bills also draw lines from the synthetic national catalog, from a stream of their own (so
        // the rest of the city is the same with or without them); so do the original patterns' accompanying stays
        SplittableRandom prescribing = random(p.index(), 3);
        drafts.replaceAll(d -> d.planted == null && d.trap == null && (d.accompanies == null || d.accompanies.original())
                ? prescribe(prescribing, d) : d);
        List<Draft> kept = clean(drafts);

        kept.sort(Comparator.comparing((Draft d) -> d.date).thenComparing(d -> d.planted != null));
        SplittableRandom facts = random(p.index(), 4);
        List<Encounter> encounters = new ArrayList<>(kept.size());
        for (int k = 0; k < kept.size(); k++) {
            Draft d = kept.get(k);
            boolean reversed = d.honest() && d.visitType == VisitType.GENERAL_OUTPATIENT && r.nextDouble() < 0.01;
            encounters.add(encounter("CITY" + city.seed() + "-" + city.year() + "-" + p.index() + "-" + k, p, d, reversed, facts));
        }
        return encounters;
    }

    /** The original seven patterns; true when the person is deceased or one was planted (nothing else is planted then). */
    private boolean plantFraud(SplittableRandom r, Person p, List<Draft> drafts, LocalDate last) {
        if (p.diedOn() != null) {
            // half of the deceased are billed for afterwards (冒名就医): a visit in the weeks after death
            if (r.nextDouble() < 0.5 && p.diedOn().isBefore(city.lastDay())) {
                LocalDate after = p.diedOn().plusDays(1 + r.nextInt((int) Math.min(30, city.lastDay().toEpochDay() - p.diedOn().toEpochDay())));
                Draft bill = outpatient(r, p, after);
                drafts.add(bill.planted(FraudPattern.CLAIM_AFTER_DEATH));
            }
            return true;
        }
        if (r.nextDouble() >= city.fraudShare()) {
            return false;
        }
        FraudPattern pattern = FraudPattern.ORIGINAL.get(r.nextInt(FraudPattern.ORIGINAL.size() - 1));
        int days = (int) (last.toEpochDay() - city.firstDay().toEpochDay()) + 1;
        if (days < 40) {
            return false;
        }
        LocalDate day = city.firstDay().plusDays(20 + r.nextInt(days - 30));
        if (pattern == FraudPattern.SPLIT_HOSPITALISATION || pattern == FraudPattern.TWO_PLACES_AT_ONCE
                || pattern == FraudPattern.TESTS_ONLY_ADMISSION) {
            // the planted stays are this person's only ones, so no honest stay makes a pattern by chance
            drafts.removeIf(d -> d.visitType == VisitType.INPATIENT);
        }
        switch (pattern) {
            case SPLIT_HOSPITALISATION -> {
                // discharged, then readmitted 3-8 days later (after the discharge: the stays do not overlap)
                LocalDate discharged = days >= 70 ? clamp(day, city.firstDay().plusDays(25), last.minusDays(35)) : day;
                Draft stay = inpatient(r, p, discharged, null, null).accompanying(pattern);
                drafts.add(stay);
                int gap = 3 + r.nextInt(6);
                Draft again = inpatient(r, p, discharged, stay.institution, null).withDiagnosisOf(stay).planted(pattern);
                again.date = discharged.plusDays(gap + again.nights());
                if (again.date.isAfter(last)) {
                    return false; // a year too short for it
                }
                drafts.add(again);
            }
            case TWO_PLACES_AT_ONCE -> {
                Draft stay = inpatient(r, p, day, null, null).accompanying(pattern);
                drafts.add(stay);
                Institution other;
                do {
                    other = inpatientHospital(r);
                } while (other.equals(stay.institution));
                drafts.add(inpatient(r, p, day, other, stay.diagnoses.get(0).substring(0, 3)).planted(pattern));
            }
            case TESTS_ONLY_ADMISSION -> drafts.add(new Draft(day, inpatientHospital(r), VisitType.INPATIENT, List.of("R50"),
                    List.of(line(Item.BLOOD_TEST, 3), line(Item.HBA1C, 1)), pattern));
            case EXCESSIVE_QUANTITY -> {
                Draft bill = outpatient(r, p, day);
                List<Encounter.Line> lines = new ArrayList<>(bill.lines.stream().filter(l -> l.item() != Item.AMOXICILLIN).toList());
                lines.add(line(Item.AMOXICILLIN, 400 + r.nextInt(500)));
                drafts.add(new Draft(day, bill.institution, bill.visitType, bill.diagnoses, lines, pattern));
            }
            case REPEATED_CHARGING -> {
                Draft bill = outpatient(r, p, day);
                List<Encounter.Line> lines = new ArrayList<>(bill.lines.stream().filter(l -> l.item() != Item.CT).toList());
                lines.add(line(Item.CT, 1));
                lines.add(line(Item.CT, 1));
                drafts.add(new Draft(day, bill.institution, bill.visitType, bill.diagnoses, lines, pattern));
            }
            case PRICE_ABOVE_CEILING -> {
                Draft bill = outpatient(r, p, day);
                List<Encounter.Line> lines = new ArrayList<>(bill.lines.stream()
                        .filter(l -> l.item() != Item.CONSULTATION && l.item() != Item.SENIOR_CONSULTATION).toList());
                lines.add(new Encounter.Line(Item.CONSULTATION, BigDecimal.ONE, Money.of("25.00")));
                drafts.add(new Draft(day, bill.institution, bill.visitType, bill.diagnoses, lines, pattern));
            }
            default -> throw new IllegalStateException("not planted here: " + pattern);
        }
        return true;
    }

    /**
     * Issue 21's patterns and the clean look-alikes, planted around a person no original pattern was planted around:
     * a share {@code 2 x fraudShare} of the living adults gets one of the patterns from practice that applies to them,
     * another such share one of the look-alikes. Each is this person's only stays (their honest ones are dropped), so
     * no honest stay makes a pattern with it. Every number is drawn from how such care or fraud looks, never from an
     * audit rule's parameter.
     */
    private final class Practice {
        private final SplittableRandom s;
        private final Person p;
        private final List<Draft> drafts;
        private final LocalDate first;
        private final LocalDate last;
        private final int span;

        Practice(SplittableRandom s, Person p, List<Draft> drafts, LocalDate last) {
            this.s = s;
            this.p = p;
            this.drafts = drafts;
            this.first = city.firstDay();
            this.last = last;
            this.span = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        }

        void plant() {
            if (p.diedOn() != null || p.age() < 18 || span < 120) {
                return;
            }
            // ASSUMPTION: twice the original patterns' share, each, for the ten patterns from practice and the four
            // look-alikes, so that a small city has most of them
            double u = s.nextDouble();
            if (u < 2 * city.fraudShare()) {
                List<FraudPattern> apply = new ArrayList<>(FraudPattern.FROM_PRACTICE);
                if (p.chronic() == Person.Chronic.DIABETES) {
                    apply.remove(FraudPattern.DRUG_OUTSIDE_INDICATION);
                }
                FraudPattern pattern = pick(s, apply);
                drafts.removeIf(d -> d.visitType == VisitType.INPATIENT);
                plant(pattern);
            } else if (u < 4 * city.fraudShare()) {
                List<Trap> apply = new ArrayList<>(List.of(Trap.TWO_DEPARTMENTS_SAME_DAY));
                if (p.age() >= 40) {
                    apply.add(Trap.PLANNED_CHEMOTHERAPY);
                }
                if (p.age() >= 55) {
                    apply.add(Trap.EMERGENCY_READMISSION);
                }
                if (p.chronic() == Person.Chronic.HYPERTENSION || p.chronic() == Person.Chronic.DIABETES) {
                    apply.add(Trap.LONG_PRESCRIPTION);
                }
                Trap trap = pick(s, apply);
                drafts.removeIf(d -> d.visitType == VisitType.INPATIENT);
                plant(trap);
            }
        }

        /** A day from {@code from} days into the year to {@code before} days before its last. */
        private LocalDate day(int from, int before) {
            return first.plusDays(from + s.nextInt(Math.max(1, span - from - before)));
        }

        private Institution hospital(InstitutionLevel... levels) {
            List<Institution> choices = new ArrayList<>();
            for (InstitutionLevel l : levels) {
                choices.addAll(Roster.hospitals(l));
            }
            return pick(s, choices);
        }

        private Institution countyOrCity() {
            return hospital(InstitutionLevel.LEVEL_2, InstitutionLevel.LEVEL_3);
        }

        private Institution anyHospital() {
            return hospital(InstitutionLevel.COMMUNITY, InstitutionLevel.LEVEL_1, InstitutionLevel.LEVEL_2, InstitutionLevel.LEVEL_3);
        }

        /** Another institution of the kind within {@code km} of one, or null when there is none. */
        private Institution near(Institution of, boolean pharmacy, double km) {
            List<Institution> near = Roster.INSTITUTIONS.stream().filter(i -> i.isPharmacy() == pharmacy && !i.equals(of)
                    && i.kmTo(of) <= km).toList();
            return near.isEmpty() ? null : pick(s, near);
        }

        private void plant(FraudPattern pattern) {
            switch (pattern) {
                case SPLIT_VISIT -> splitVisit();
                case BILLED_DURING_STAY -> billedDuringStay();
                case EXCESSIVE_SUPPLY -> excessiveSupply();
                case FREQUENT_VISITS -> frequentVisits();
                case CONSUMABLE_WITHOUT_PROCEDURE -> consumableWithoutProcedure();
                case INPATIENT_ITEM_AT_OUTPATIENT -> inpatientItemAtOutpatient();
                case ITEM_FOR_THE_OTHER_SEX -> itemForTheOtherSex();
                case DRUG_OUTSIDE_INDICATION -> drugOutsideIndication();
                case OVERLAPPING_STAYS -> overlappingStays();
                case DISTANT_SAME_DAY -> distantSameDay();
                default -> throw new IllegalStateException("not planted here: " + pattern);
            }
        }

        private void plant(Trap trap) {
            switch (trap) {
                case PLANNED_CHEMOTHERAPY -> plannedChemotherapy();
                case LONG_PRESCRIPTION -> longPrescription();
                case EMERGENCY_READMISSION -> emergencyReadmission();
                case TWO_DEPARTMENTS_SAME_DAY -> twoDepartments();
            }
        }

        /** One visit split into 2-4 same-day bills: a consultation on each, the same exam again, the drugs spread. */
        private void splitVisit() {
            FraudPattern pattern = FraudPattern.SPLIT_VISIT;
            Institution at = hospital(InstitutionLevel.LEVEL_1, InstitutionLevel.LEVEL_2, InstitutionLevel.LEVEL_3);
            LocalDate date = day(20, 10);
            String diagnosis = pick(s, List.of("M54.5", "J06.9", "K29.7", "R51"));
            Item exam = diagnosis.startsWith("M54") || diagnosis.startsWith("R51") ? Item.CT : Item.BLOOD_TEST;
            String department = department(at, VisitType.GENERAL_OUTPATIENT, diagnosis, p.age());
            String doctor = doctor(at, department, 1 + s.nextInt(4));
            int bills = 2 + s.nextInt(3);
            for (int k = 0; k < bills; k++) {
                List<Encounter.Line> lines = new ArrayList<>();
                lines.add(line(at.level() == InstitutionLevel.LEVEL_3 ? Item.SENIOR_CONSULTATION : Item.CONSULTATION, 1));
                if (k <= 1 || s.nextDouble() < 0.5) {
                    lines.add(line(exam, 1));
                }
                lines.add(diagnosis.startsWith("J06") ? line(Item.AMOXICILLIN, 12) : line(Item.PARACETAMOL, 6));
                Draft bill = new Draft(date, at, VisitType.GENERAL_OUTPATIENT, List.of(diagnosis), List.copyOf(lines), null)
                        .at(department, doctor);
                drafts.add(k == 0 ? bill.accompanying(pattern) : bill.planted(pattern));
            }
        }

        /** A stay, and inside it (strictly) outpatient bills at the hospital or one nearby, or pharmacy purchases. */
        private void billedDuringStay() {
            FraudPattern pattern = FraudPattern.BILLED_DURING_STAY;
            Institution at = countyOrCity();
            int nights = 6 + s.nextInt(9);
            LocalDate discharged = day(nights + 10, 5);
            String diagnosis = pick(s, p.age() >= 50 ? List.of("J18.9", "N39.0", "I63.9") : List.of("J18.9", "N39.0"));
            drafts.add(stay(at, discharged, nights, diagnosis).accompanying(pattern));
            List<Integer> inside = new ArrayList<>();
            for (int d = 1; d < nights; d++) {
                inside.add(d);
            }
            java.util.Collections.shuffle(inside, new java.util.Random(s.nextLong()));
            int bills = 1 + s.nextInt(3);
            for (int k = 0; k < bills; k++) {
                LocalDate date = discharged.minusDays(nights).plusDays(inside.get(k));
                int where = s.nextInt(3);
                Institution pharmacy = near(at, true, 40);
                Institution hospital = near(at, false, 40);
                if (where == 1 && pharmacy != null) {
                    drafts.add(purchase(pharmacy, date).planted(pattern));
                } else if (where == 2 && hospital != null) {
                    drafts.add(visit(hospital, date, pick(s, List.of("J06.9", "M54.5", "K29.7"))).planted(pattern));
                } else {
                    // the hospital moves the stay's drugs and a scan onto an outpatient bill (out of the stay's group payment)
                    drafts.add(visit(at, date, diagnosis).plus(line(Item.CT, 1)).planted(pattern));
                }
            }
        }

        /** Chronic drugs bought again and again long before the last purchase runs out. */
        private void excessiveSupply() {
            FraudPattern pattern = FraudPattern.EXCESSIVE_SUPPLY;
            Item drug;
            int perDay;
            if (p.chronic() == Person.Chronic.HYPERTENSION) {
                drug = Item.AMLODIPINE;
                perDay = 1;
            } else if (p.chronic() == Person.Chronic.DIABETES) {
                drug = Item.METFORMIN;
                perDay = 2;
            } else {
                int k = s.nextInt(4);
                drug = List.of(Item.AMLODIPINE, Item.ATORVASTATIN, Item.METOPROLOL, Item.METFORMIN).get(k);
                perDay = k < 2 ? 1 : 2;
            }
            int purchases = 3 + s.nextInt(4);
            Institution home = pick(s, Roster.pharmacies());
            Institution prescriber = p.chronicCentre() != null ? p.chronicCentre() : countyOrCity();
            String doctor = doctor(prescriber, "A03.04", 1 + s.nextInt(4));
            LocalDate date = day(10, 90);
            for (int k = 0; k < purchases; k++) {
                if (k > 0) {
                    date = date.plusDays(3 + s.nextInt(10));
                }
                int days = List.of(28, 30, 42, 56, 60, 84).get(s.nextInt(6));
                Institution at = s.nextDouble() < 0.6 ? home : pick(s, Roster.pharmacies());
                Draft bill = new Draft(date, at, VisitType.PHARMACY, List.of(),
                        List.of(line(drug, days * perDay).withSupply(days, null)), null);
                bill.sendSupply = s.nextBoolean();
                bill.doctor = doctor;
                drafts.add(k == 0 ? bill.accompanying(pattern) : bill.planted(pattern));
            }
        }

        /** 5-7 visits on distinct days of one week at 3-5 hospitals within reach of each other. */
        private void frequentVisits() {
            FraudPattern pattern = FraudPattern.FREQUENT_VISITS;
            int visits = 5 + s.nextInt(3);
            // the 3-5 hospitals nearest one (itself among them), in a random order
            Institution base = anyHospital();
            int places = 3 + s.nextInt(3);
            List<Institution> reach = new ArrayList<>(Roster.INSTITUTIONS.stream().filter(i -> !i.isPharmacy())
                    .sorted(Comparator.comparingDouble(i -> i.kmTo(base))).limit(places).toList());
            java.util.Collections.shuffle(reach, new java.util.Random(s.nextLong()));
            List<Integer> days = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
            java.util.Collections.shuffle(days, new java.util.Random(s.nextLong()));
            List<Integer> chosen = new ArrayList<>(days.subList(0, visits));
            java.util.Collections.sort(chosen);
            LocalDate start = day(10, 15);
            for (int k = 0; k < visits; k++) {
                Draft bill = visit(reach.get(k % places), start.plusDays(chosen.get(k)),
                        pick(s, List.of("M54.5", "R51", "J06.9", "K29.7", "L30.9")));
                drafts.add(k < 3 ? bill.accompanying(pattern) : bill.planted(pattern));
            }
        }

        /** A coronary stent (or an artificial hip) on a stay with neither the disease nor the intervention. */
        private void consumableWithoutProcedure() {
            int nights = 5 + s.nextInt(8);
            String diagnosis = pick(s, p.age() >= 50 ? List.of("J18.9", "N39.0", "K29.7", "I63.9") : List.of("J18.9", "N39.0", "K29.7"));
            Draft stay = stay(countyOrCity(), day(nights + 10, 5), nights, diagnosis);
            stay.plus(s.nextDouble() < 0.7 ? line(Item.STENT, 1 + s.nextInt(2)) : line(Item.HIP, 1));
            drafts.add(stay.planted(FraudPattern.CONSUMABLE_WITHOUT_PROCEDURE));
        }

        /** An injection the catalog restricts to inpatients, or inpatient bed days, on an outpatient bill. */
        private void inpatientItemAtOutpatient() {
            Institution at = anyHospital();
            LocalDate date = day(20, 10);
            Draft bill;
            if (s.nextDouble() < 0.6) {
                Item injection = pick(s, formulary.items(Formulary.Use.INPATIENT_ONLY_INJECTION));
                org.yibao.city.catalog.CatalogEntry e = formulary.entry(injection);
                bill = visit(at, date, e.indications().get(0)).plus(new Encounter.Line(injection,
                        BigDecimal.valueOf((long) Math.max(1, e.unitsPerDay()) * (1 + s.nextInt(3))), formulary.priceAt(injection, at.level())));
            } else {
                bill = visit(at, date, pick(s, List.of("J06.9", "M54.5"))).plus(line(Item.BED, 1 + s.nextInt(3)));
            }
            drafts.add(bill.planted(FraudPattern.INPATIENT_ITEM_AT_OUTPATIENT));
        }

        /** A prostate test for a woman, a gynaecological medicine for a man. */
        private void itemForTheOtherSex() {
            Institution at = anyHospital();
            LocalDate date = day(20, 10);
            Draft bill;
            if (p.id().gender() == org.yibao.contracts.identity.ResidentId.Gender.FEMALE) {
                Item psa = pick(s, formulary.items(Formulary.Use.PROSTATE_TEST));
                bill = visit(at, date, pick(s, List.of("N39.0", "R10.4"))).plus(new Encounter.Line(psa, BigDecimal.ONE,
                        formulary.priceAt(psa, at.level())));
            } else {
                Item medicine = pick(s, formulary.items(Formulary.Use.GYNAECOLOGICAL_MEDICINE));
                int perDay = Math.max(1, formulary.entry(medicine).unitsPerDay());
                bill = visit(at, date, pick(s, List.of("N39.0", "K29.7"))).plus(new Encounter.Line(medicine,
                        BigDecimal.valueOf((long) perDay * (7 + s.nextInt(8))), formulary.priceAt(medicine, at.level())));
            }
            drafts.add(bill.planted(FraudPattern.ITEM_FOR_THE_OTHER_SEX));
        }

        /** Insulin with no diabetes, or a targeted cancer drug with no cancer. */
        private void drugOutsideIndication() {
            LocalDate date = day(20, 10);
            Draft bill;
            if (s.nextDouble() < 0.65) {
                String diagnosis = p.chronic() == Person.Chronic.HYPERTENSION ? "I10" : pick(s, List.of("J06.9", "M54.5", "K29.7"));
                bill = visit(anyHospital(), date, diagnosis).plus(line(Item.INSULIN, 1 + s.nextInt(3)));
            } else {
                Institution at = countyOrCity();
                Item drug = pick(s, formulary.items(Formulary.Use.TARGETED_CANCER_DRUG));
                bill = visit(at, date, pick(s, List.of("M54.5", "K29.7"))).plus(new Encounter.Line(drug,
                        BigDecimal.valueOf(28L * Math.max(1, formulary.entry(drug).unitsPerDay())), formulary.priceAt(drug, at.level())));
            }
            drafts.add(bill.planted(FraudPattern.DRUG_OUTSIDE_INDICATION));
        }

        /** Admitted at a second hospital strictly inside a first stay (never on its admission day). */
        private void overlappingStays() {
            FraudPattern pattern = FraudPattern.OVERLAPPING_STAYS;
            int nights = 6 + s.nextInt(9);
            LocalDate discharged = day(nights + 10, 25);
            LocalDate admitted = discharged.minusDays(nights);
            List<String> diagnoses = new ArrayList<>(p.age() >= 50 ? List.of("J18.9", "N39.0", "I63.9") : List.of("J18.9", "N39.0", "K29.7"));
            String diagnosis = pick(s, diagnoses);
            diagnoses.remove(diagnosis);
            Institution at = inpatientHospital(s);
            drafts.add(stay(at, discharged, nights, diagnosis).accompanying(pattern));
            Institution other;
            do {
                other = inpatientHospital(s);
            } while (other.equals(at));
            LocalDate secondAdmitted = admitted.plusDays(1 + s.nextInt(nights - 1));
            int secondNights = 3 + s.nextInt(8);
            drafts.add(stay(other, secondAdmitted.plusDays(secondNights), secondNights, pick(s, diagnoses)).planted(pattern));
        }

        /** Two bills the same day more than 100 km apart, in different counties. */
        private void distantSameDay() {
            FraudPattern pattern = FraudPattern.DISTANT_SAME_DAY;
            List<Institution[]> pairs = new ArrayList<>();
            for (Institution a : Roster.INSTITUTIONS) {
                for (Institution b : Roster.INSTITUTIONS) {
                    if (!a.regionCode().equals(b.regionCode()) && a.kmTo(b) > 100) {
                        pairs.add(new Institution[]{a, b});
                    }
                }
            }
            Institution[] pair = pick(s, pairs);
            LocalDate date = day(20, 10);
            Draft one = pair[0].isPharmacy() ? purchase(pair[0], date) : visit(pair[0], date, pick(s, List.of("J06.9", "M54.5", "K29.7")));
            Draft two = pair[1].isPharmacy() ? purchase(pair[1], date) : visit(pair[1], date, pick(s, List.of("J06.9", "M54.5", "R51")));
            drafts.add(one.accompanying(pattern));
            drafts.add(two.planted(pattern));
        }

        /** Colon cancer chemotherapy: 3-6 cycles of 3-day admissions, 14 days apart, at one hospital. */
        private void plannedChemotherapy() {
            Institution at = countyOrCity();
            int cycles = 3 + s.nextInt(4);
            LocalDate admitted = day(5, (cycles - 1) * 14 + 5);
            String doctor = doctor(at, "A19", 1 + s.nextInt(4));
            Item drug = pick(s, formulary.items(Formulary.Use.CHEMOTHERAPY));
            for (int k = 0; k < cycles; k++) {
                LocalDate in = admitted.plusDays(14L * k);
                List<Encounter.Line> lines = List.of(line(Item.BED, 2), line(Item.BLOOD_TEST, 1),
                        new Encounter.Line(drug, BigDecimal.valueOf(2 + s.nextInt(3)), formulary.priceAt(drug, at.level())),
                        line(Item.INFUSION_SET, 2), line(Item.SYRINGE, 4));
                Draft stay = new Draft(in.plusDays(2), at, VisitType.INPATIENT, List.of("Z51.1", "C18.7"), lines, null)
                        .at("A19", doctor).trap(Trap.PLANNED_CHEMOTHERAPY);
                stay.procedures = List.of("99.25");
                stay.admittedAt = in.atTime(8 + s.nextInt(3), s.nextInt(60));
                drafts.add(stay);
            }
        }

        /** A stable chronic patient's 12-week prescriptions at their centre, each renewed as it runs out. */
        private void longPrescription() {
            drafts.removeIf(d -> d.honest() && (d.visitType == VisitType.CHRONIC_OUTPATIENT || d.visitType == VisitType.PHARMACY));
            boolean hypertension = p.chronic() == Person.Chronic.HYPERTENSION;
            boolean statin = s.nextBoolean();
            for (LocalDate date = first.plusDays(s.nextInt(30)); !date.isAfter(last); date = date.plusDays(82 + s.nextInt(5))) {
                List<Encounter.Line> lines = new ArrayList<>();
                lines.add(line(Item.CONSULTATION, 1));
                if (hypertension) {
                    lines.add(line(Item.AMLODIPINE, 84).withSupply(84, null));
                    if (statin) {
                        lines.add(line(Item.ATORVASTATIN, 84).withSupply(84, null));
                    }
                } else {
                    lines.add(line(Item.METFORMIN, 168).withSupply(84, null));
                }
                Draft bill = new Draft(date, p.chronicCentre(), VisitType.CHRONIC_OUTPATIENT, List.of(p.chronic().icd10), List.copyOf(lines),
                        null).trap(Trap.LONG_PRESCRIPTION);
                bill.sendSupply = true;
                drafts.add(bill);
            }
        }

        /** COPD or heart failure decompensating again days after discharge, admitted through the emergency department at night. */
        private void emergencyReadmission() {
            Institution at = countyOrCity();
            String diagnosis = pick(s, List.of("J44.1", "I50.9"));
            int nights = 7 + s.nextInt(6);
            LocalDate discharged = day(nights + 10, 30);
            drafts.add(stay(at, discharged, nights, diagnosis).trap(Trap.EMERGENCY_READMISSION));
            LocalDate readmitted = discharged.plusDays(3 + s.nextInt(10));
            int again = 5 + s.nextInt(6);
            Draft stay = stay(s.nextDouble() < 0.7 ? at : countyOrCity(), readmitted.plusDays(again), again, diagnosis)
                    .trap(Trap.EMERGENCY_READMISSION);
            stay.emergency = true;
            stay.admittedAt = readmitted.atTime((20 + s.nextInt(10)) % 24, s.nextInt(60));
            drafts.add(stay);
        }

        /** Two departments the same day at one hospital, for two different complaints. */
        private void twoDepartments() {
            Institution at = countyOrCity();
            LocalDate date = day(20, 10);
            List<String> pair = pick(s, List.of(List.of("L30.9", "M54.5"), List.of("K29.7", "M54.5"), List.of("J06.9", "L30.9"),
                    List.of("I10", "K29.7")));
            for (String diagnosis : pair) {
                drafts.add(visit(at, date, diagnosis).trap(Trap.TWO_DEPARTMENTS_SAME_DAY));
            }
        }

        /** A general outpatient visit for one complaint: the consultation and what the complaint needs. */
        private Draft visit(Institution at, LocalDate date, String diagnosis) {
            List<Encounter.Line> lines = new ArrayList<>();
            lines.add(line(at.level() == InstitutionLevel.LEVEL_3 ? Item.SENIOR_CONSULTATION : Item.CONSULTATION, 1));
            String d = diagnosis.substring(0, Math.min(3, diagnosis.length()));
            switch (d) {
                case "J06", "J20", "J18", "N39" -> lines.add(line(Item.AMOXICILLIN, 12 * (1 + s.nextInt(3))));
                case "M54", "R51" -> lines.add(line(Item.PARACETAMOL, 6 + s.nextInt(10)));
                case "K29" -> lines.add(line(Item.BLOOD_TEST, 1));
                case "I10" -> lines.add(line(Item.AMLODIPINE, 30));
                default -> {
                    // the consultation alone (dermatitis, abdominal pain, ...)
                }
            }
            String department = department(at, VisitType.GENERAL_OUTPATIENT, diagnosis, p.age());
            return new Draft(date, at, VisitType.GENERAL_OUTPATIENT, List.of(diagnosis), List.copyOf(lines), null)
                    .at(department, doctor(at, department, 1 + s.nextInt(4)));
        }

        /** A pharmacy purchase of a common drug on a hospital doctor's prescription. */
        private Draft purchase(Institution pharmacy, LocalDate date) {
            Item drug = pick(s, List.of(Item.AMLODIPINE, Item.ATORVASTATIN, Item.PARACETAMOL, Item.ASPIRIN));
            return new Draft(date, pharmacy, VisitType.PHARMACY, List.of(), List.of(line(drug, drug == Item.PARACETAMOL ? 10 : 30)), null);
        }

        /** A stay of some nights for a condition the city's items treat. */
        private Draft stay(Institution at, LocalDate discharged, int nights, String diagnosis) {
            List<Encounter.Line> lines = new ArrayList<>();
            lines.add(line(Item.BED, nights));
            lines.add(line(Item.BLOOD_TEST, 2));
            lines.add(line(Item.CT, 1));
            lines.add(line(Item.INFUSION_SET, nights));
            lines.add(line(Item.SYRINGE, nights * 2));
            switch (diagnosis.substring(0, 3)) {
                case "J18", "N39", "J44" -> lines.add(line(Item.AMOXICILLIN, nights * 6));
                case "I63" -> {
                    lines.add(line(Item.ASPIRIN, nights));
                    lines.add(line(Item.ATORVASTATIN, nights));
                }
                case "I50" -> {
                    lines.add(line(Item.METOPROLOL, nights * 2));
                    lines.add(line(Item.ASPIRIN, nights));
                }
                default -> lines.add(line(Item.PARACETAMOL, nights * 3));
            }
            return new Draft(discharged, at, VisitType.INPATIENT, List.of(diagnosis), List.copyOf(lines), null);
        }
    }

    /**
     * Leaves out the honest bills that would make a pattern by chance, so that whatever the audit finds on an honest
     * bill is a false positive of the audit, not of the city: an honest outpatient, chronic or pharmacy bill on a
     * day of a stay (admission to discharge), an honest stay over the day of a planted or look-alike outpatient
     * bill, and a second honest outpatient or pharmacy bill on a day that already has one.
     */
    private static List<Draft> clean(List<Draft> drafts) {
        List<Draft> stays = drafts.stream().filter(d -> d.visitType == VisitType.INPATIENT).toList();
        Set<LocalDate> markedDays = new java.util.HashSet<>();
        drafts.stream().filter(d -> !d.honest() && d.visitType != VisitType.INPATIENT).forEach(d -> markedDays.add(d.date));
        List<Draft> kept = new ArrayList<>();
        Set<LocalDate> busy = new java.util.HashSet<>(markedDays);
        for (Draft d : drafts) {
            if (!d.honest()) {
                kept.add(d);
            } else if (d.visitType == VisitType.INPATIENT) {
                if (markedDays.stream().noneMatch(day -> !day.isBefore(d.admitted()) && !day.isAfter(d.date))) {
                    kept.add(d);
                }
            } else if (stays.stream().noneMatch(st -> !d.date.isBefore(st.admitted()) && !d.date.isAfter(st.date)) && busy.add(d.date)) {
                kept.add(d);
            }
        }
        // a stay left out above leaves its days free again: nothing else to do (its days' honest bills stay out)
        return kept;
    }

    /** The national classification of clinical departments (诊疗科目, 医保科室代码) the city's doctors work in. */
    static final List<String> DEPARTMENTS = List.of("A02", "A03", "A03.01", "A03.02", "A03.03", "A03.04", "A03.06", "A03.07", "A04.01",
            "A04.03", "A04.04", "A07", "A13", "A19", "A20");

    /** The department a visit is seen in, by its main diagnosis (a township hospital's outpatients: general practice). */
    static String department(Institution at, VisitType type, String diagnosis, int age) {
        if (at.isPharmacy()) {
            return null;
        }
        if (type != VisitType.INPATIENT && type != VisitType.CHRONIC_OUTPATIENT
                && (at.level() == InstitutionLevel.LEVEL_1 || at.level() == InstitutionLevel.COMMUNITY)) {
            return "A02";
        }
        if (age < 14 && type != VisitType.INPATIENT) {
            return "A07";
        }
        String d = diagnosis.length() >= 3 ? diagnosis.substring(0, 3) : diagnosis;
        return switch (d) {
            case "J06", "J20", "J18", "J44" -> "A03.01";
            case "K29" -> "A03.02";
            case "R51", "I63" -> "A03.03";
            case "I10", "I25", "I50" -> "A03.04";
            case "N18" -> "A03.06";
            case "E11" -> "A03.07";
            case "K35" -> "A04.01";
            case "M54", "S72" -> "A04.03";
            case "N39" -> "A04.04";
            case "L30" -> "A13";
            case "C18", "C34", "Z51" -> "A19";
            default -> "A03";
        };
    }

    /** A doctor's national code (医保医师代码, ASSUMPTION of its shape): D, the institution's digits, a two-digit number. */
    static String doctor(Institution at, String department, int n) {
        int d = department == null ? 0 : DEPARTMENTS.indexOf(department);
        return "D" + at.code().substring(1) + String.format("%02d", 1 + (Math.max(d, 0) * 4 + n) % 99);
    }

    /**
     * A drug's usual daily dose in units of the line (ASSUMPTION, common adult doses): amlodipine 5 mg once a day,
     * metformin 0.5 g twice, atorvastatin 20 mg once, metoprolol 25 mg twice, aspirin 100 mg once, amoxicillin 0.5 g
     * (two 0.25 g capsules) three times, paracetamol 0.5 g three times, thalidomide 50 mg twice, gefitinib 250 mg
     * once, insulin about 30 IU a day (a 300 IU pen lasts ten days); a synthetic entry's own daily use. Null for what
     * is not a drug taken day by day.
     */
    private Double unitsPerDay(Item item) {
        if (item == Item.AMLODIPINE || item == Item.ATORVASTATIN || item == Item.ASPIRIN || item == Item.GEFITINIB) {
            return 1.0;
        } else if (item == Item.METFORMIN || item == Item.METOPROLOL || item == Item.THALIDOMIDE) {
            return 2.0;
        } else if (item == Item.AMOXICILLIN) {
            return 6.0;
        } else if (item == Item.PARACETAMOL) {
            return 3.0;
        } else if (item == Item.INSULIN) {
            return 0.1;
        }
        org.yibao.city.catalog.CatalogEntry e = formulary.entry(item);
        if (e != null && (e.category() == org.yibao.city.catalog.Category.WESTERN_MEDICINE
                || e.category() == org.yibao.city.catalog.Category.CHINESE_PATENT_MEDICINE) && e.unitsPerDay() > 0) {
            return (double) e.unitsPerDay();
        }
        return null;
    }

    /** Days a line lasts at the usual daily dose, or null. */
    Integer daysOfSupply(Encounter.Line line) {
        Double perDay = unitsPerDay(line.item());
        return perDay == null ? null : Math.max(1, (int) Math.floor(line.quantity().doubleValue() / perDay + 1e-9));
    }

    /**
     * The bill as the institution sends it: its department and doctor, a stay's admission and discharge times (a
     * planned admission in the morning, an emergency at any hour; discharge in the morning of the bill's day), and
     * each drug line's days of supply where the institution states them (hospitals always but on stays; a pharmacy
     * on seven bills in ten; a pattern as it says).
     */
    private Encounter encounter(String id, Person p, Draft d, boolean reversed, SplittableRandom f) {
        String diagnosis = d.diagnoses.isEmpty() ? "" : d.diagnoses.get(0);
        String department = d.department != null ? d.department : department(d.institution, d.visitType, diagnosis, p.age());
        String doctor = d.doctor;
        if (doctor == null) {
            // a pharmacy fills a prescription of a hospital's doctor: the person's chronic-disease centre's, or a county hospital's
            Institution prescriber = !d.institution.isPharmacy() ? d.institution
                    : p.chronicCentre() != null ? p.chronicCentre() : pick(f, Roster.hospitals(InstitutionLevel.LEVEL_2));
            String prescribing = department != null ? department : p.chronic() == null ? "A03" : department(prescriber,
                    VisitType.CHRONIC_OUTPATIENT, p.chronic().icd10, p.age());
            doctor = doctor(prescriber, prescribing, 1 + f.nextInt(4));
        }
        LocalDateTime admitted = null;
        LocalDateTime discharged = null;
        if (d.visitType == VisitType.INPATIENT) {
            admitted = d.admittedAt != null ? d.admittedAt : d.admitted().atTime(d.emergency
                    ? LocalTime.of(f.nextInt(24), f.nextInt(60)) : LocalTime.of(8 + f.nextInt(4), f.nextInt(60)));
            discharged = d.date.atTime(9 + f.nextInt(3), f.nextInt(60));
        }
        boolean supply = d.sendSupply != null ? d.sendSupply
                : d.visitType != VisitType.INPATIENT && (d.visitType != VisitType.PHARMACY || f.nextDouble() < 0.7);
        String lineDoctor = doctor;
        List<Encounter.Line> lines = d.lines.stream().map(l -> l.withSupply(
                l.daysOfSupply() != null ? (supply ? l.daysOfSupply() : null) : supply ? daysOfSupply(l) : null, lineDoctor)).toList();
        return new Encounter(id, p, d.date, d.institution, d.visitType, d.diagnoses, lines, d.planted, reversed,
                new Encounter.Facts(d.emergency, admitted, discharged, d.procedures, doctor, department), d.accompanies, d.trap);
    }

    /** A bill being put together (one person's, in one thread). */
    private static final class Draft {
        LocalDate date;
        final Institution institution;
        final VisitType visitType;
        List<String> diagnoses;
        List<Encounter.Line> lines;
        FraudPattern planted;
        FraudPattern accompanies;
        Trap trap;
        boolean emergency;
        /** A stay's admission, when the pattern fixes it (else drawn from the bed days). */
        LocalDateTime admittedAt;
        List<String> procedures = List.of();
        String department;
        String doctor;
        /** Whether drug lines say their days of supply; null for the city's usual practice. */
        Boolean sendSupply;

        Draft(LocalDate date, Institution institution, VisitType visitType, List<String> diagnoses, List<Encounter.Line> lines,
              FraudPattern planted) {
            this.date = date;
            this.institution = institution;
            this.visitType = visitType;
            this.diagnoses = diagnoses;
            this.lines = lines;
            this.planted = planted;
        }

        /** The improper claim of a pattern (never an emergency: an emergency would exempt it). */
        Draft planted(FraudPattern pattern) {
            this.planted = pattern;
            this.emergency = false;
            return this;
        }

        Draft accompanying(FraudPattern pattern) {
            this.accompanies = pattern;
            return this;
        }

        Draft trap(Trap trap) {
            this.trap = trap;
            return this;
        }

        Draft withDiagnosisOf(Draft other) {
            this.diagnoses = other.diagnoses;
            return this;
        }

        Draft lines(List<Encounter.Line> lines) {
            this.lines = lines;
            return this;
        }

        Draft plus(Encounter.Line line) {
            List<Encounter.Line> more = new ArrayList<>(lines);
            more.add(line);
            this.lines = List.copyOf(more);
            return this;
        }

        Draft at(String department, String doctor) {
            this.department = department;
            this.doctor = doctor;
            return this;
        }

        boolean honest() {
            return planted == null && accompanies == null && trap == null;
        }

        /** A stay's nights (its bed days); 0 for other visits. */
        int nights() {
            return visitType != VisitType.INPATIENT ? 0 : lines.stream().filter(l -> l.item().code().startsWith("S1201")).findFirst()
                    .map(l -> l.quantity().intValue()).orElse(1);
        }

        LocalDate admitted() {
            return date.minusDays(nights());
        }
    }

    private static final String[] OUTPATIENT_DIAGNOSES = {"J06", "K29", "M54", "J20", "R51", "L30"};

    private Draft outpatient(SplittableRandom r, Person p, LocalDate day) {
        double level = r.nextDouble();
        List<Double> b = outpatientLevelBounds;
        InstitutionLevel l = level < b.get(0) ? InstitutionLevel.COMMUNITY : level < b.get(1) ? InstitutionLevel.LEVEL_1
                : level < b.get(2) ? InstitutionLevel.LEVEL_2 : InstitutionLevel.LEVEL_3;
        CareProfile.Care care = profile.care();
        Institution at = pick(r, Roster.hospitals(l));
        List<Encounter.Line> lines = new ArrayList<>();
        lines.add(line(l == InstitutionLevel.LEVEL_3 ? Item.SENIOR_CONSULTATION : Item.CONSULTATION, 1));
        if (r.nextDouble() < care.bloodTest()) {
            lines.add(line(Item.BLOOD_TEST, 1));
        }
        if (r.nextDouble() < care.ct()) {
            lines.add(line(Item.CT, 1));
        }
        String diagnosis = OUTPATIENT_DIAGNOSES[r.nextInt(OUTPATIENT_DIAGNOSES.length)];
        if (diagnosis.startsWith("J")) {
            lines.add(line(Item.AMOXICILLIN, 12 + 12 * r.nextInt(3)));
        } else {
            lines.add(line(Item.PARACETAMOL, 6 + r.nextInt(15)));
        }
        if (r.nextDouble() < care.selfPaidDrug()) {
            lines.add(line(Item.THALIDOMIDE, 10 + r.nextInt(21)));
        }
        extras(lines, care.outpatientExtras(), l, 1);
        return new Draft(day, at, VisitType.GENERAL_OUTPATIENT, List.of(diagnosis), lines, null);
    }

    private Draft pharmacy(SplittableRandom r, Person p, LocalDate day) {
        Set<Encounter.Line> lines = new LinkedHashSet<>(); // a chronic patient's own drug comes with the follow-ups
        Item[] shelf = {Item.PARACETAMOL, Item.ASPIRIN, Item.ATORVASTATIN, Item.AMOXICILLIN};
        Item chosen = shelf[r.nextInt(shelf.length)];
        lines.add(line(chosen, chosen == Item.PARACETAMOL ? 10 : chosen == Item.AMOXICILLIN ? 24 : 30));
        return new Draft(day, pick(r, Roster.pharmacies()), VisitType.PHARMACY, List.of(), List.copyOf(lines), null);
    }

    /** A chronic-disease follow-up: four, eight or twelve weeks of drugs (a long prescription is at most 12 weeks). */
    private Draft chronic(SplittableRandom r, Person p, LocalDate day) {
        List<Encounter.Line> lines = new ArrayList<>();
        switch (p.chronic()) {
            case HYPERTENSION -> {
                lines.add(line(Item.CONSULTATION, 1));
                lines.add(line(Item.AMLODIPINE, 28 * (1 + r.nextInt(3))));
                if (r.nextDouble() < 0.4) {
                    lines.add(line(Item.ATORVASTATIN, 30));
                }
                if (r.nextDouble() < 0.3) {
                    lines.add(line(Item.METOPROLOL, 60));
                }
            }
            case DIABETES -> {
                lines.add(line(Item.CONSULTATION, 1));
                lines.add(line(Item.METFORMIN, 56 * (1 + r.nextInt(3))));
                if (r.nextDouble() < 0.3) {
                    lines.add(line(Item.INSULIN, 1 + r.nextInt(3)));
                }
                if (r.nextDouble() < 0.5) {
                    lines.add(line(Item.HBA1C, 1));
                }
            }
            case RENAL_FAILURE -> {
                int sessions = 8 + r.nextInt(6);
                lines.add(line(Item.DIALYSIS, sessions));
                lines.add(line(Item.BLOOD_TEST, 1));
                lines.add(line(Item.SYRINGE, sessions));
            }
        }
        extras(lines, profile.care().chronicExtras(), p.chronicCentre().level(), 1);
        return new Draft(day, p.chronicCentre(), VisitType.CHRONIC_OUTPATIENT, List.of(p.chronic().icd10), lines, null);
    }

    private Institution inpatientHospital(SplittableRandom r) {
        double level = r.nextDouble();
        CareProfile.LevelShares shares = profile.care().inpatientLevels();
        // drawn level 3 first, then level 2, the rest level 1 (community health centres take no stays here)
        double third = BigDecimal.valueOf(shares.level3()).doubleValue();
        double second = BigDecimal.valueOf(shares.level3()).add(BigDecimal.valueOf(shares.level2())).doubleValue();
        return pick(r, Roster.hospitals(level < third ? InstitutionLevel.LEVEL_3 : level < second ? InstitutionLevel.LEVEL_2
                : InstitutionLevel.LEVEL_1));
    }

    /**
     * A calibrated city's costs beyond the sample items (issue 28): one line of each class with an amount, at the
     * amount for the level times {@code units} (a visit: 1; a stay: its bed days). The default city adds none.
     */
    private static void extras(List<Encounter.Line> lines, CareProfile.PerVisit perVisit, InstitutionLevel level, int units) {
        if (!perVisit.none()) {
            extra(lines, Item.EXTRA_CLASS_A, perVisit.classA().at(level), units);
            extra(lines, Item.EXTRA_CLASS_B, perVisit.classB().at(level), units);
            extra(lines, Item.EXTRA_CLASS_C, perVisit.classC().at(level), units);
        }
    }

    private static void extra(List<Encounter.Line> lines, Item item, BigDecimal amount, int units) {
        if (amount.signum() > 0) {
            lines.add(new Encounter.Line(item, BigDecimal.valueOf(units), Money.of(amount)));
        }
    }

    /**
     * An admission settled on the day of discharge. {@code avoid} is a diagnosis category the stay
     * must not share (an honest second stay is for something else).
     */
    private Draft inpatient(SplittableRandom r, Person p, LocalDate discharged, Institution at, String avoid) {
        Institution hospital = at != null ? at : inpatientHospital(r);
        List<String> choices = new ArrayList<>(List.of("J18", "N39"));
        if (p.age() >= 50) {
            choices.addAll(List.of("I63", "I25"));
        } else {
            choices.add("K35");
        }
        if (p.age() >= 65) {
            choices.add("S72");
        }
        choices.remove(avoid);
        String diagnosis = choices.get(r.nextInt(choices.size()));
        // ASSUMPTION: one older patient's stay in eight is for lung cancer, treated with a drug off the
        // catalog; such bills, paid by the patient, are what the poverty-risk warning is for
        if (p.age() >= 50 && !"C34".equals(avoid) && r.nextDouble() < profile.care().lungCancer()) {
            diagnosis = "C34";
        }
        int days = diagnosis.equals("I63") || diagnosis.equals("C34") ? 10 + r.nextInt(11) : 3 + r.nextInt(12);
        List<Encounter.Line> lines = new ArrayList<>();
        lines.add(line(r.nextDouble() < profile.care().specialBed() ? Item.SPECIAL_BED : Item.BED, days));
        lines.add(line(Item.BLOOD_TEST, 2));
        lines.add(line(Item.CT, 1 + r.nextInt(2)));
        lines.add(line(Item.INFUSION_SET, days));
        lines.add(line(Item.SYRINGE, days * 2));
        List<String> procedures = List.of();
        // a township hospital does no coronary intervention and no joint replacement: it treats with drugs (or refers)
        boolean township = hospital.level() == InstitutionLevel.LEVEL_1 || hospital.level() == InstitutionLevel.COMMUNITY;
        switch (diagnosis) {
            case "J18", "N39" -> lines.add(line(Item.AMOXICILLIN, days * 3));
            case "K35" -> {
                lines.add(line(Item.AMOXICILLIN, days * 3));
                // appendicectomy, laparoscopic or open (ICD-9-CM-3)
                procedures = List.of(r.nextBoolean() ? "47.01" : "47.09");
            }
            case "I63" -> {
                lines.add(line(Item.ASPIRIN, days));
                lines.add(line(Item.ATORVASTATIN, days));
            }
            case "I25" -> {
                lines.add(line(Item.ASPIRIN, days));
                if (township) {
                    lines.add(line(Item.ATORVASTATIN, days));
                } else {
                    int stents = 1 + r.nextInt(2);
                    lines.add(line(Item.PCI, 1));
                    lines.add(line(Item.STENT, stents));
                    // PTCA, drug-eluting coronary stent(s), the number of stents, one or two vessels
                    procedures = List.of("00.66", "36.07", stents == 1 ? "00.45" : "00.46", stents == 1 ? "00.40" : "00.41");
                }
            }
            case "S72" -> {
                if (township) {
                    lines.add(line(Item.PARACETAMOL, days * 3));
                } else {
                    lines.add(line(Item.HIP, 1));
                    // partial (hemi-) or total hip replacement for a fracture of the femoral neck
                    procedures = List.of(r.nextDouble() < 0.6 ? "81.52" : "81.51");
                }
            }
            case "C34" -> lines.add(line(Item.GEFITINIB, 2 + r.nextInt(7)));
            default -> throw new IllegalStateException(diagnosis);
        }
        CareProfile.StayExtras daily = profile.care().stay();
        if (!daily.none()) {
            extras(lines, new CareProfile.PerVisit(daily.classA(), daily.classB(), daily.classC()), hospital.level(), days);
        }
        Draft stay = new Draft(discharged, hospital, VisitType.INPATIENT, List.of(diagnosis), lines, null);
        stay.procedures = procedures;
        // a stroke or a broken hip comes in through the emergency department
        stay.emergency = diagnosis.equals("I63") || diagnosis.equals("S72");
        return stay;
    }

    private static Encounter.Line line(Item item, int quantity) {
        return new Encounter.Line(item, BigDecimal.valueOf(quantity), item.price());
    }

    private static LocalDate clamp(LocalDate d, LocalDate from, LocalDate to) {
        return d.isBefore(from) ? from : d.isAfter(to) ? to : d;
    }

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int n = 0;
        while (product > limit) {
            n++;
            product *= r.nextDouble();
        }
        return n;
    }

    /**
     * Adds what the doctor prescribes from the synthetic catalog (ASSUMPTION, shares of visits): a cold's
     * patent medicine (35% of J06/J20 visits), a proton-pump inhibitor for gastritis (50% of K29), a pain
     * killer for back pain (40% of M54), a third of those with a proton-pump inhibitor restricted to gastric
     * diagnoses (outside its condition), herbal pieces (20% of K29 and M54), a self-paid medicine (15% of R51
     * and L30); for hypertension and diabetes follow-ups a class 乙 medicine (30%); for a stay an imaging
     * service priced by level (40%), a laboratory test (30%), a consumable (50%) and, for coronary or
     * cerebrovascular disease, an injection restricted to level 2 and above (40%); a pain killer at a
     * pharmacy (15%). Each at the ceiling of the institution's level; never a code already on the bill.
     */
    private Draft prescribe(SplittableRandom r, Draft d) {
        List<Encounter.Line> lines = new ArrayList<>(d.lines);
        InstitutionLevel level = d.institution.level();
        String diagnosis = d.diagnoses.isEmpty() ? "" : d.diagnoses.get(0);
        switch (d.visitType) {
            case GENERAL_OUTPATIENT -> {
                if ((diagnosis.equals("J06") || diagnosis.equals("J20")) && r.nextDouble() < 0.35) {
                    prescribe(r, lines, Formulary.Use.RESPIRATORY, level, 3 * (3 + r.nextInt(5)));
                }
                if (diagnosis.equals("K29") && r.nextDouble() < 0.5) {
                    prescribe(r, lines, Formulary.Use.GASTRIC, level, 14 + r.nextInt(15));
                }
                if (diagnosis.equals("M54") && r.nextDouble() < 0.4) {
                    prescribe(r, lines, Formulary.Use.PAIN, level, 2 * (5 + r.nextInt(6)));
                    if (r.nextDouble() < 1 / 3.0) {
                        prescribe(r, lines, Formulary.Use.GASTRIC_OUTSIDE_ITS_CONDITION, level, 7 + r.nextInt(8));
                    }
                }
                if ((diagnosis.equals("K29") || diagnosis.equals("M54")) && r.nextDouble() < 0.2) {
                    prescribe(r, lines, Formulary.Use.HERBAL, level, 10 * (5 + r.nextInt(6)));
                }
                if ((diagnosis.equals("R51") || diagnosis.equals("L30")) && r.nextDouble() < 0.15) {
                    prescribe(r, lines, Formulary.Use.SELF_PAID, level, 10 + r.nextInt(21));
                }
            }
            case CHRONIC_OUTPATIENT -> {
                if (diagnosis.startsWith("I10") && r.nextDouble() < 0.3) {
                    prescribe(r, lines, Formulary.Use.HYPERTENSION, level, 28 * (1 + r.nextInt(3)));
                } else if (diagnosis.startsWith("E11") && r.nextDouble() < 0.3) {
                    prescribe(r, lines, Formulary.Use.DIABETES, level, 60 * (1 + r.nextInt(2)));
                }
            }
            case INPATIENT -> {
                if (r.nextDouble() < 0.4) {
                    prescribe(r, lines, Formulary.Use.IMAGING, level, 1);
                }
                if (r.nextDouble() < 0.3) {
                    prescribe(r, lines, Formulary.Use.LAB_TEST, level, 1 + r.nextInt(2));
                }
                if (r.nextDouble() < 0.5) {
                    prescribe(r, lines, Formulary.Use.CONSUMABLE, level, 1 + r.nextInt(3));
                }
                if ((diagnosis.equals("I63") || diagnosis.equals("I25")) && r.nextDouble() < 0.4) {
                    int days = d.lines.stream().filter(l -> l.item().code().startsWith("S1201")).findFirst()
                            .map(l -> l.quantity().intValue()).orElse(1);
                    prescribe(r, lines, Formulary.Use.HEART_INJECTION, level, days);
                }
            }
            case PHARMACY -> {
                if (r.nextDouble() < 0.15) {
                    prescribe(r, lines, Formulary.Use.PAIN, level, 10 + r.nextInt(11));
                }
            }
        }
        return lines.size() == d.lines.size() ? d : d.lines(List.copyOf(lines));
    }

    private void prescribe(SplittableRandom r, List<Encounter.Line> lines, Formulary.Use use, InstitutionLevel level, int quantity) {
        List<Item> choices = formulary.items(use);
        Item item = choices.get(r.nextInt(choices.size()));
        if (lines.stream().noneMatch(l -> l.item().code().equals(item.code()))) {
            lines.add(new Encounter.Line(item, BigDecimal.valueOf(quantity), formulary.priceAt(item, level)));
        }
    }

    /** The person's own stream for one purpose (0 the person, 1 their feeds, 2 their encounters, 3 what the catalog adds; 6-8 {@link Benefits}). */
    SplittableRandom random(int index, int purpose) {
        return new SplittableRandom(city.seed() * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + purpose * 0x165667B19E3779F9L);
    }
}
