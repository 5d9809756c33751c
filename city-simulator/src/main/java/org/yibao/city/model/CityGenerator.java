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

    /** A city prescribing from the standard synthetic catalog. */
    public CityGenerator(CityParameters city) {
        this(city, Formulary.standard());
    }

    public CityGenerator(CityParameters city, Formulary formulary) {
        this.city = city;
        this.formulary = formulary;
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
        if (age >= 18 && age < 60 && r.nextDouble() < 0.10) {
            scheme = Scheme.EMPLOYEE;
            type = PersonType.EMPLOYEE_ACTIVE;
        } else if (age >= 60 && r.nextDouble() < 0.07) {
            scheme = Scheme.EMPLOYEE;
            type = PersonType.EMPLOYEE_RETIRED;
        }
        if (scheme == Scheme.EMPLOYEE) {
            double t = r.nextDouble();
            tier = t < 0.80 ? EmploymentTier.EMPLOYER : t < 0.92 ? EmploymentTier.INDIVIDUAL_TIER_2 : EmploymentTier.INDIVIDUAL_TIER_1;
        }
        AssistanceCategory category = scheme == Scheme.RESIDENT ? category(r.nextDouble()) : null;
        // the seed: low-income people are all enrolled; ASSUMPTION: 3.5% of the others are not
        boolean enrolled = category != null || r.nextDouble() >= 0.035;

        Person.Chronic chronic = null;
        Institution centre = null;
        double c = r.nextDouble();
        if (enrolled && age >= 40) {
            chronic = c < 0.004 ? Person.Chronic.RENAL_FAILURE : c < 0.13 ? Person.Chronic.HYPERTENSION
                    : c < 0.19 ? Person.Chronic.DIABETES : null;
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

    private static AssistanceCategory category(double r) {
        if (r < 0.006) {
            return AssistanceCategory.EXTREME_POVERTY;
        } else if (r < 0.030) {
            return AssistanceCategory.MINIMUM_LIVING;
        } else if (r < 0.060) {
            return AssistanceCategory.LIFTED_OUT_OF_POVERTY;
        } else if (r < 0.065) {
            return AssistanceCategory.LIFTED_UNSTABLE;
        } else if (r < 0.070) {
            return AssistanceCategory.POVERTY_MONITORED;
        } else if (r < 0.072) {
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

        double outpatientRate = p.age() < 6 ? 2.0 : p.age() < 60 ? 0.8 : 1.5;
        for (int n = poisson(r, outpatientRate * yearShare); n > 0; n--) {
            drafts.add(outpatient(r, p, first.plusDays(r.nextInt(days))));
        }
        for (int n = poisson(r, (p.age() < 18 ? 0.3 : 0.8) * yearShare); n > 0; n--) {
            drafts.add(pharmacy(r, p, first.plusDays(r.nextInt(days))));
        }
        if (p.chronic() != null) {
            int every = p.chronic() == Person.Chronic.RENAL_FAILURE ? 30 : 90;
            for (LocalDate d = first.plusDays(r.nextInt(every)); !d.isAfter(last); d = d.plusDays(every)) {
                drafts.add(chronic(r, p, d));
            }
        }
        List<LocalDate> admissions = new ArrayList<>();
        double admissionRate = p.age() < 60 ? 0.08 : 0.22;
        // discharged three weeks into the year at the earliest, so that even a 20-day stay began in it
        if (r.nextDouble() < admissionRate * yearShare && days > 21) {
            LocalDate discharged = first.plusDays(21 + r.nextInt(days - 21));
            drafts.add(inpatient(r, p, discharged, null, null));
            admissions.add(discharged);
            // a second, unrelated stay at least two months apart
            if (r.nextDouble() < 0.15 && !discharged.plusDays(60).isAfter(last)) {
                LocalDate second = discharged.plusDays(60 + r.nextInt((int) (last.toEpochDay() - discharged.toEpochDay()) - 59));
                drafts.add(inpatient(r, p, second, null, drafts.get(drafts.size() - 1).diagnoses.get(0).substring(0, 3)));
            }
        }
        plantFraud(r, p, drafts, last);
        // the honest bills also draw lines from the synthetic national catalog, from a stream of their own (so
        // the rest of the city is the same with or without them)
        SplittableRandom prescribing = random(p.index(), 3);
        drafts.replaceAll(d -> d.planted == null ? prescribe(prescribing, d) : d);

        drafts.sort(Comparator.comparing((Draft d) -> d.date).thenComparing(d -> d.planted != null));
        List<Encounter> encounters = new ArrayList<>(drafts.size());
        for (int k = 0; k < drafts.size(); k++) {
            Draft d = drafts.get(k);
            boolean reversed = d.planted == null && d.visitType == VisitType.GENERAL_OUTPATIENT && r.nextDouble() < 0.01;
            encounters.add(new Encounter("CITY" + city.seed() + "-" + city.year() + "-" + p.index() + "-" + k, p, d.date,
                    d.institution, d.visitType, d.diagnoses, d.lines, d.planted, reversed));
        }
        return encounters;
    }

    private void plantFraud(SplittableRandom r, Person p, List<Draft> drafts, LocalDate last) {
        if (p.diedOn() != null) {
            // half of the deceased are billed for afterwards (冒名就医): a visit in the weeks after death
            if (r.nextDouble() < 0.5 && p.diedOn().isBefore(city.lastDay())) {
                LocalDate after = p.diedOn().plusDays(1 + r.nextInt((int) Math.min(30, city.lastDay().toEpochDay() - p.diedOn().toEpochDay())));
                Draft bill = outpatient(r, p, after);
                drafts.add(bill.planted(FraudPattern.CLAIM_AFTER_DEATH));
            }
            return;
        }
        if (r.nextDouble() >= city.fraudShare()) {
            return;
        }
        FraudPattern pattern = FraudPattern.values()[r.nextInt(FraudPattern.values().length - 1)];
        int days = (int) (last.toEpochDay() - city.firstDay().toEpochDay()) + 1;
        if (days < 40) {
            return;
        }
        LocalDate day = city.firstDay().plusDays(20 + r.nextInt(days - 30));
        if (pattern == FraudPattern.SPLIT_HOSPITALISATION || pattern == FraudPattern.TWO_PLACES_AT_ONCE
                || pattern == FraudPattern.TESTS_ONLY_ADMISSION) {
            // the planted stays are this person's only ones, so no honest stay makes a pattern by chance
            drafts.removeIf(d -> d.visitType == VisitType.INPATIENT);
        }
        switch (pattern) {
            case SPLIT_HOSPITALISATION -> {
                Draft stay = inpatient(r, p, day, null, null);
                drafts.add(stay);
                LocalDate again = day.plusDays(3 + r.nextInt(6));
                drafts.add(inpatient(r, p, again, stay.institution, null).withDiagnosisOf(stay).planted(pattern));
            }
            case TWO_PLACES_AT_ONCE -> {
                Draft stay = inpatient(r, p, day, null, null);
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
    }

    /** A bill being put together. */
    private record Draft(LocalDate date, Institution institution, VisitType visitType, List<String> diagnoses,
                         List<Encounter.Line> lines, FraudPattern planted) {

        Draft planted(FraudPattern pattern) {
            return new Draft(date, institution, visitType, diagnoses, lines, pattern);
        }

        Draft withDiagnosisOf(Draft other) {
            return new Draft(date, institution, visitType, other.diagnoses, lines, planted);
        }
    }

    private static final String[] OUTPATIENT_DIAGNOSES = {"J06", "K29", "M54", "J20", "R51", "L30"};

    private Draft outpatient(SplittableRandom r, Person p, LocalDate day) {
        double level = r.nextDouble();
        InstitutionLevel l = level < 0.30 ? InstitutionLevel.COMMUNITY : level < 0.55 ? InstitutionLevel.LEVEL_1
                : level < 0.85 ? InstitutionLevel.LEVEL_2 : InstitutionLevel.LEVEL_3;
        Institution at = pick(r, Roster.hospitals(l));
        List<Encounter.Line> lines = new ArrayList<>();
        lines.add(line(l == InstitutionLevel.LEVEL_3 ? Item.SENIOR_CONSULTATION : Item.CONSULTATION, 1));
        if (r.nextDouble() < 0.5) {
            lines.add(line(Item.BLOOD_TEST, 1));
        }
        if (r.nextDouble() < 0.15) {
            lines.add(line(Item.CT, 1));
        }
        String diagnosis = OUTPATIENT_DIAGNOSES[r.nextInt(OUTPATIENT_DIAGNOSES.length)];
        if (diagnosis.startsWith("J")) {
            lines.add(line(Item.AMOXICILLIN, 12 + 12 * r.nextInt(3)));
        } else {
            lines.add(line(Item.PARACETAMOL, 6 + r.nextInt(15)));
        }
        if (r.nextDouble() < 0.05) {
            lines.add(line(Item.THALIDOMIDE, 10 + r.nextInt(21)));
        }
        return new Draft(day, at, VisitType.GENERAL_OUTPATIENT, List.of(diagnosis), lines, null);
    }

    private Draft pharmacy(SplittableRandom r, Person p, LocalDate day) {
        Set<Encounter.Line> lines = new LinkedHashSet<>();
        if (p.chronic() == Person.Chronic.HYPERTENSION) {
            lines.add(line(Item.AMLODIPINE, 30));
        } else if (p.chronic() == Person.Chronic.DIABETES) {
            lines.add(line(Item.METFORMIN, 60));
        }
        Item[] shelf = {Item.PARACETAMOL, Item.ASPIRIN, Item.ATORVASTATIN, Item.AMOXICILLIN};
        Item chosen = shelf[r.nextInt(shelf.length)];
        lines.add(line(chosen, chosen == Item.PARACETAMOL ? 10 : chosen == Item.AMOXICILLIN ? 24 : 30));
        return new Draft(day, pick(r, Roster.pharmacies()), VisitType.PHARMACY, List.of(), List.copyOf(lines), null);
    }

    private Draft chronic(SplittableRandom r, Person p, LocalDate day) {
        List<Encounter.Line> lines = new ArrayList<>();
        switch (p.chronic()) {
            case HYPERTENSION -> {
                lines.add(line(Item.CONSULTATION, 1));
                lines.add(line(Item.AMLODIPINE, 30 * (1 + r.nextInt(3))));
                if (r.nextDouble() < 0.4) {
                    lines.add(line(Item.ATORVASTATIN, 30));
                }
                if (r.nextDouble() < 0.3) {
                    lines.add(line(Item.METOPROLOL, 60));
                }
            }
            case DIABETES -> {
                lines.add(line(Item.CONSULTATION, 1));
                lines.add(line(Item.METFORMIN, 60 * (1 + r.nextInt(3))));
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
        return new Draft(day, p.chronicCentre(), VisitType.CHRONIC_OUTPATIENT, List.of(p.chronic().icd10), lines, null);
    }

    private Institution inpatientHospital(SplittableRandom r) {
        double level = r.nextDouble();
        return pick(r, Roster.hospitals(level < 0.4 ? InstitutionLevel.LEVEL_3 : level < 0.8 ? InstitutionLevel.LEVEL_2
                : InstitutionLevel.LEVEL_1));
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
        if (p.age() >= 50 && !"C34".equals(avoid) && r.nextDouble() < 0.12) {
            diagnosis = "C34";
        }
        int days = diagnosis.equals("I63") || diagnosis.equals("C34") ? 10 + r.nextInt(11) : 3 + r.nextInt(12);
        List<Encounter.Line> lines = new ArrayList<>();
        lines.add(line(r.nextDouble() < 0.1 ? Item.SPECIAL_BED : Item.BED, days));
        lines.add(line(Item.BLOOD_TEST, 2));
        lines.add(line(Item.CT, 1 + r.nextInt(2)));
        lines.add(line(Item.INFUSION_SET, days));
        lines.add(line(Item.SYRINGE, days * 2));
        switch (diagnosis) {
            case "J18", "N39", "K35" -> lines.add(line(Item.AMOXICILLIN, days * 3));
            case "I63" -> {
                lines.add(line(Item.ASPIRIN, days));
                lines.add(line(Item.ATORVASTATIN, days));
            }
            case "I25" -> {
                lines.add(line(Item.ASPIRIN, days));
                lines.add(line(Item.PCI, 1));
                lines.add(line(Item.STENT, 1 + r.nextInt(2)));
            }
            case "S72" -> lines.add(line(Item.HIP, 1));
            case "C34" -> lines.add(line(Item.GEFITINIB, 2 + r.nextInt(7)));
            default -> throw new IllegalStateException(diagnosis);
        }
        return new Draft(discharged, hospital, VisitType.INPATIENT, List.of(diagnosis), lines, null);
    }

    private static Encounter.Line line(Item item, int quantity) {
        return new Encounter.Line(item, BigDecimal.valueOf(quantity), item.price());
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
                    prescribe(r, lines, Formulary.Use.HYPERTENSION, level, 30 * (1 + r.nextInt(3)));
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
        return lines.size() == d.lines.size() ? d : new Draft(d.date, d.institution, d.visitType, d.diagnoses, List.copyOf(lines), null);
    }

    private void prescribe(SplittableRandom r, List<Encounter.Line> lines, Formulary.Use use, InstitutionLevel level, int quantity) {
        List<Item> choices = formulary.items(use);
        Item item = choices.get(r.nextInt(choices.size()));
        if (lines.stream().noneMatch(l -> l.item().code().equals(item.code()))) {
            lines.add(new Encounter.Line(item, BigDecimal.valueOf(quantity), formulary.priceAt(item, level)));
        }
    }

    /** The person's own stream for one purpose (0 the person, 1 their feeds, 2 their encounters, 3 what the catalog adds). */
    private SplittableRandom random(int index, int purpose) {
        return new SplittableRandom(city.seed() * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + purpose * 0x165667B19E3779F9L);
    }
}
