package org.yibao.city.model;

import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the city's insured do beyond their bills (issue 22), drawn from the seed like the rest of the city, each
 * from a stream of its own (6 accounts, 7 maternity, 8 long-term care) so that the rest of the city is the same
 * with or without it:
 * <ul>
 *   <li>an active employee's monthly wage base (缴费基数), within the rates file's floor and ceiling;</li>
 *   <li>which employees pay bills (pharmacy, outpatient, a stay's own part) from their personal account, and which of
 *       them bind a resident family member
 *       (家庭共济) — the next person of the register, when enrolled as a resident;</li>
 *   <li>which female employees give birth (or miscarry) this year: prenatal visits, the delivery's stay and its kind;</li>
 *   <li>which elderly people apply for long-term care, in which setting, and how dependent the assessor finds them.</li>
 * </ul>
 * Every share below is an ASSUMPTION, several far above the real rates so that a city of a few hundred persons
 * shows each case (stated where it is).
 */
public final class Benefits {

    /**
     * ASSUMPTION: 60% of employees pay their pharmacy and outpatient bills from their personal account (a common
     * habit; no seed states a share).
     */
    static final double ACCOUNT_USERS = 0.60;
    /** ASSUMPTION: 30% of the account users bind a family member (家庭共济), when the next person is one to bind. */
    static final double FAMILY_BINDINGS = 0.30;
    /**
     * ASSUMPTION: half the female active employees aged 20-45 give birth or miscarry this year — some 30 times the
     * real rate (about 1% of the population a year), so that a small city (a few female employees) has deliveries.
     */
    static final double PREGNANCIES = 0.50;
    /**
     * ASSUMPTION: 8% of enrolled persons aged 70 or more apply for long-term care — far above a pilot city's rate
     * (Jiangjin 2023: 455 beneficiaries, seed), so that a small city has beneficiaries.
     */
    static final double CARE_APPLICANTS = 0.08;

    /**
     * The visits whose bills an account user asks the account to pay: pharmacy purchases and outpatient care, the
     * most of them, and a stay's part the person owes (which can run an account out).
     */
    public static final Set<VisitType> ACCOUNT_VISITS = Set.of(VisitType.PHARMACY, VisitType.GENERAL_OUTPATIENT,
            VisitType.CHRONIC_OUTPATIENT, VisitType.INPATIENT);

    /**
     * The city's care institutions (护理机构, registered by the bureau with care-service; SYNTHETIC codes, C + the
     * county + a number), each billing as an HIS client of its own code (gateway's local-clients.yml).
     */
    public static final List<CareInstitution> CARE_INSTITUTIONS = List.of(
            new CareInstitution("C41170200001", "驿城区颐养护理院", "411702"),
            new CareInstitution("C41172100001", "西平县康养护理中心", "411721"));

    /** A care institution of the city (护理机构, institution care only) and the gateway client it bills with. */
    public record CareInstitution(String code, String name, String regionCode) {
        public String clientId() {
            return "city-care-" + code;
        }
    }

    private final CityGenerator generator;

    public Benefits(CityGenerator generator) {
        this.generator = generator;
    }

    private record Draws(double accountUser, double family, double wage) {
    }

    private Draws draws(Person p) {
        SplittableRandom r = generator.random(p.index(), 6);
        return new Draws(r.nextDouble(), r.nextDouble(), r.nextDouble());
    }

    /**
     * An active employee's monthly wage base: ASSUMPTION, spread evenly from the floor to 2.5 times it (at most the
     * ceiling), in whole tens of yuan — most wages near the floor, as Zhumadian's (the seed's employee income, 2.03
     * billion for 481,000 employees, is about 10% of 3,500 a month); null for anyone else.
     */
    public Money wageBase(Person p, Money floor, Money ceiling) {
        if (p.type() != PersonType.EMPLOYEE_ACTIVE) {
            return null;
        }
        long floorTens = floor.amount().movePointLeft(1).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        long top = Math.min(ceiling.amount().movePointLeft(1).longValue(), floor.amount().multiply(BigDecimal.valueOf(25))
                .movePointLeft(2).longValue());
        long tens = floorTens + (long) Math.floor(draws(p).wage() * (top - floorTens + 1));
        return Money.ofFen(tens * 1000);
    }

    /** An employee alive all year and enrolled, who pays pharmacy and outpatient bills from the account. */
    public boolean accountUser(Person p) {
        return p.scheme() == Scheme.EMPLOYEE && p.enrolled() && p.diedOn() == null && draws(p).accountUser() < ACCOUNT_USERS;
    }

    /** The resident whose bills the holder's account pays (家庭共济), or null: the next person of the register. */
    public Person memberOf(Person holder) {
        if (!accountUser(holder) || draws(holder).family() >= FAMILY_BINDINGS || holder.index() + 1 >= generator.parameters().persons()) {
            return null;
        }
        Person next = generator.person(holder.index() + 1);
        return next.enrolled() && next.scheme() == Scheme.RESIDENT && next.diedOn() == null ? next : null;
    }

    /** The account holder a person is bound to, or null. */
    public Person holderOf(Person p) {
        if (p.index() == 0 || p.scheme() != Scheme.RESIDENT) {
            return null;
        }
        Person before = generator.person(p.index() - 1);
        Person member = memberOf(before);
        return member != null && member.index() == p.index() ? before : null;
    }

    /** Whose account pays the person's bills that ask it: their own, their holder's, or none. */
    public Person payer(Person p) {
        return accountUser(p) ? p : holderOf(p);
    }

    /** The member's relation to the holder, by their ages: a parent or child a generation apart, else a spouse. */
    public static String relationship(Person holder, Person member) {
        int older = member.age() - holder.age();
        return older >= 18 ? "PARENT" : older <= -18 ? "CHILD" : "SPOUSE";
    }

    /** Whether the bill asks the personal account to pay (its whole total): an account user's, or a bound member's. */
    public boolean asksAccount(Encounter e) {
        return ACCOUNT_VISITS.contains(e.visitType()) && payer(e.person()) != null;
    }

    /**
     * A pregnancy ending this year: its kind of delivery, babies, the day of delivery, the hospital and the bills
     * (prenatal visits, then the delivery's stay billed on discharge).
     */
    public record Pregnancy(String deliveryKind, int babies, LocalDate deliveryDate, Institution hospital, List<Encounter> bills) {
    }

    /**
     * The person's pregnancy, or null: a female active employee aged 20-45, enrolled and alive all year, whose year has
     * only honest bills and none in the weeks of the pregnancy's own. ASSUMPTION: 60% natural births, 7% assisted,
     * 25% caesarean, 8% miscarriages before 4 months (treated in a township or community hospital, 6 to 8 nights);
     * 3% of births twins; births in hospitals of level 1 (20%), 2 (50%) and 3 (30%); stays of 3 (natural), 4
     * (assisted) and 6 (caesarean) nights; prenatal visits 12, 8 and 4 weeks before (one for a miscarriage).
     */
    public Pregnancy pregnancy(Person p) {
        CityParameters city = generator.parameters();
        if (p.type() != PersonType.EMPLOYEE_ACTIVE || !p.enrolled() || p.diedOn() != null || p.age() < 20 || p.age() > 45
                || p.id().gender() != ResidentId.Gender.FEMALE || city.days() < 130) {
            return null;
        }
        SplittableRandom r = generator.random(p.index(), 7);
        if (r.nextDouble() >= PREGNANCIES) {
            return null;
        }
        double k = r.nextDouble();
        String kind = k < 0.60 ? "NATURAL" : k < 0.67 ? "ASSISTED" : k < 0.92 ? "CAESAREAN" : "MISCARRIAGE_BEFORE_4_MONTHS";
        boolean miscarriage = kind.startsWith("MISCARRIAGE");
        int babies = !miscarriage && r.nextDouble() < 0.03 ? 2 : 1;
        double l = r.nextDouble();
        InstitutionLevel level = miscarriage ? (l < 0.5 ? InstitutionLevel.COMMUNITY : InstitutionLevel.LEVEL_1)
                : l < 0.2 ? InstitutionLevel.LEVEL_1 : l < 0.7 ? InstitutionLevel.LEVEL_2 : InstitutionLevel.LEVEL_3;
        List<Institution> hospitals = Roster.hospitals(level);
        Institution hospital = hospitals.get(r.nextInt(hospitals.size()));
        int nights = switch (kind) {
            case "NATURAL" -> 3;
            case "ASSISTED" -> 4;
            case "CAESAREAN" -> 6;
            default -> 6 + r.nextInt(3);
        };
        // delivered the day of admission, discharged `nights` later, within the simulated year; prenatal care first
        LocalDate admitted = city.firstDay().plusDays(90 + r.nextInt(city.days() - 90 - nights));
        LocalDate discharged = admitted.plusDays(nights);
        List<LocalDate> prenatal = new ArrayList<>();
        for (int weeks : miscarriage ? new int[]{4} : new int[]{12, 8, 4}) {
            prenatal.add(admitted.minusWeeks(weeks));
        }
        LocalDate first = prenatal.get(0);
        List<Encounter> year = generator.encounters(p);
        // no other bill from the day before the first prenatal visit to the day after discharge (a stay: from its admission)
        boolean clear = year.stream().allMatch(Encounter::honest) && year.stream().noneMatch(e -> {
            LocalDate from = e.facts().admittedAt() != null ? e.facts().admittedAt().toLocalDate() : e.date();
            return !e.date().isBefore(first.minusDays(1)) && !from.isAfter(discharged.plusDays(1));
        });
        if (!clear) {
            return null;
        }
        String department = CityGenerator.department(hospital, VisitType.INPATIENT, "O80", p.age());
        String doctor = CityGenerator.doctor(hospital, department, 1 + r.nextInt(4));
        String id = "CITY" + city.seed() + "-" + city.year() + "-" + p.index() + "-M";
        List<Encounter> bills = new ArrayList<>();
        for (int v = 0; v < prenatal.size(); v++) {
            List<Encounter.Line> lines = List.of(
                    line(hospital.level() == InstitutionLevel.LEVEL_3 ? Item.SENIOR_CONSULTATION : Item.CONSULTATION, 1, doctor),
                    line(Item.BLOOD_TEST, 1, doctor));
            bills.add(new Encounter(id + v, p, prenatal.get(v), hospital, VisitType.PRENATAL_CARE, List.of("Z34"), lines, null, false,
                    new Encounter.Facts(false, null, null, List.of(), doctor, department), null, null));
        }
        // the stay: bed days, blood tests, an infusion set a day and two syringes (the sample catalog lists no delivery
        // fee: a birth's bill stays below its fixed amount, a miscarriage's longer stay above it)
        List<Encounter.Line> stay = List.of(line(Item.BED, nights, doctor), line(Item.BLOOD_TEST, 3, doctor),
                line(Item.INFUSION_SET, nights, doctor), line(Item.SYRINGE, nights * 2, doctor));
        String diagnosis = switch (kind) {
            case "NATURAL" -> "O80";
            case "ASSISTED" -> "O81";
            case "CAESAREAN" -> "O82";
            default -> "O03";
        };
        List<String> procedures = kind.equals("CAESAREAN") ? List.of("74.1") : List.of();
        bills.add(new Encounter(id + prenatal.size(), p, discharged, hospital, VisitType.DELIVERY, List.of(diagnosis), stay, null,
                false, new Encounter.Facts(false, admitted.atTime(LocalTime.of(8 + r.nextInt(4), r.nextInt(60))),
                discharged.atTime(LocalTime.of(9 + r.nextInt(3), r.nextInt(60))), procedures, doctor, department, kind), null, null));
        return new Pregnancy(kind, babies, admitted, hospital, List.copyOf(bills));
    }

    private static Encounter.Line line(Item item, int quantity, String doctor) {
        return new Encounter.Line(item, BigDecimal.valueOf(quantity), item.price(), null, doctor);
    }

    /**
     * An application for long-term care: the setting (and the institution for institution care), the day the
     * application is received, the day of the assessment, and the Barthel total the assessor will find.
     */
    public record CarePlan(CareSetting setting, CareInstitution institution, LocalDate appliedOn, LocalDate assessedOn, int barthelTotal) {
    }

    /**
     * The person's application for long-term care, or null: enrolled, alive all year, aged 70 or more. ASSUMPTION:
     * 85% are found severely dependent (a Barthel total of 0 to 40 in steps of 5), the rest moderately (45 to 60: not
     * eligible, refused); half are cared for in an institution, half at home; applications over the year until
     * some nine weeks before its last day, assessed 5 to 14 days later.
     */
    public CarePlan care(Person p) {
        CityParameters city = generator.parameters();
        if (!p.enrolled() || p.diedOn() != null || p.age() < 70 || city.days() < 80) {
            return null;
        }
        SplittableRandom r = generator.random(p.index(), 8);
        if (r.nextDouble() >= CARE_APPLICANTS) {
            return null;
        }
        int total = r.nextDouble() < 0.85 ? 5 * r.nextInt(9) : 45 + 5 * r.nextInt(4);
        boolean institution = r.nextBoolean();
        CareInstitution at = institution ? CARE_INSTITUTIONS.get(r.nextInt(CARE_INSTITUTIONS.size())) : null;
        LocalDate applied = city.firstDay().plusDays(r.nextInt(city.days() - 75));
        LocalDate assessed = applied.plusDays(5 + r.nextInt(10));
        return new CarePlan(institution ? CareSetting.INSTITUTION : CareSetting.HOME, at, applied, assessed, total);
    }
}
