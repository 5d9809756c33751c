package org.yibao.city.calibration;

import org.yibao.city.expect.BillCalculator;
import org.yibao.city.expect.CatalogTerms;
import org.yibao.city.expect.Expectation;
import org.yibao.city.expect.Insured;
import org.yibao.city.expect.Layers;
import org.yibao.city.expect.PolicyPack;
import org.yibao.city.expect.PolicyPackFile;
import org.yibao.city.expect.PolicyPacks;
import org.yibao.city.expect.YearToDate;
import org.yibao.city.model.CareProfile;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Formulary;
import org.yibao.city.model.Institution;
import org.yibao.city.model.Person;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A calibrated city's year with no platform running (issue 28): the city's people and their year of care from the
 * generator ({@link CityGenerator}, with the file's {@link CareProfile}), every bill computed in order, person by person,
 * by the simulator's own calculator ({@link BillCalculator}, the one CitySimulationIT holds the platform to) under the
 * file's packs, each person's year counted from their earlier bills ({@link YearToDate}). No fraud is planted; the
 * bills a deceased person is billed for afterwards (always planted) are left out.
 *
 * <p>The roster is the generator's (Zhumadian's districts and hospitals): its persons and institutions are relabelled
 * to the file's region code so that the city's packs apply to them, as home-area care.
 */
public final class CalibratedRun {

    /** What the run settles of one bill: who, what kind, where, and its layers. */
    public record SettledBill(Scheme scheme, PersonType type, AssistanceCategory category, VisitType visitType, InstitutionLevel level,
                              Layers layers, boolean capHit) {
    }

    /**
     * A run's result.
     *
     * @param enrolled     enrolled persons by scheme and assistance category ("-" for none)
     * @param notSettled   bills the calculator refused or does not model, by reason
     * @param packNotes    what of the packs the calculation leaves out (e.g. zero-pay rules), one line each
     */
    public record Result(CityFile file, CareProfile profile, long seed, int persons, Map<Scheme, Map<String, Integer>> enrolled,
                         List<SettledBill> bills, Map<String, Integer> notSettled, List<String> packNotes) {

        /** Enrolled persons of the schemes and categories (empty lists: all). */
        public int enrolled(List<Scheme> schemes, List<AssistanceCategory> categories) {
            int n = 0;
            for (Map.Entry<Scheme, Map<String, Integer>> s : enrolled.entrySet()) {
                if (!schemes.isEmpty() && !schemes.contains(s.getKey())) {
                    continue;
                }
                for (Map.Entry<String, Integer> c : s.getValue().entrySet()) {
                    if (categories.isEmpty() || (!c.getKey().equals("-") && categories.contains(AssistanceCategory.valueOf(c.getKey())))) {
                        n += c.getValue();
                    }
                }
            }
            return n;
        }
    }

    private CalibratedRun() {
    }

    /** The file's city, with its own profile. */
    public static Result run(CityFile file, long seed, int persons) {
        return run(file, new CareProfile(file.population(), file.care()), seed, persons);
    }

    /** The file's packs, people relabelled to its region, with another profile (the default city's, for issue 28's question). */
    public static Result run(CityFile file, CareProfile profile, long seed, int persons) {
        List<String> notes = new ArrayList<>();
        PolicyPacks packs = new PolicyPacks(packs(file, notes));
        CityParameters parameters = new CityParameters(seed, persons, file.year(), LocalDate.of(file.year(), 12, 31), 0.0);
        CityGenerator generator = new CityGenerator(parameters, Formulary.standard(), profile);
        BillCalculator calculator = new BillCalculator(packs, CatalogTerms.of(generator.formulary().catalog()));
        Map<String, Institution> relabelled = new HashMap<>();
        Map<Scheme, Map<String, Integer>> enrolled = new TreeMap<>();
        Map<String, Integer> notSettled = new TreeMap<>();
        List<SettledBill> bills = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            Person p = generator.person(i);
            if (!p.enrolled()) {
                continue;
            }
            Insured known = Insured.of(p, generator.feedRecords(p));
            Insured person = new Insured(known.personId(), known.scheme(), known.type(), known.tier(), file.regionCode(), known.category(),
                    known.certifiedDiseases());
            enrolled.computeIfAbsent(p.scheme(), k -> new TreeMap<>())
                    .merge(person.category() == null ? "-" : person.category().name(), 1, Integer::sum);
            YearToDate year = new YearToDate();
            for (Encounter e : generator.encounters(p)) {
                if (!e.honest()) {
                    continue; // a bill after death (the only pattern planted with no fraud share)
                }
                Institution at = relabelled.computeIfAbsent(e.institution().code(), c -> relabel(e.institution(), file.regionCode()));
                Encounter bill = new Encounter(e.messageId(), e.person(), e.date(), at, e.visitType(), e.diagnoses(), e.lines(), e.planted(),
                        false, e.facts(), e.accompanies(), e.trap());
                Expectation expected = calculator.expect(person, bill, year);
                if (expected instanceof Expectation.Bill b) {
                    year.add(b.delta());
                    boolean capHit = b.rules().stream().anyMatch(r -> r.contains("annual cap") || r.contains("annual limit"));
                    bills.add(new SettledBill(person.scheme(), person.type(), person.category(), bill.visitType(), at.level(), b.layers(),
                            capHit));
                } else if (expected instanceof Expectation.Refusal r) {
                    notSettled.merge("refused: " + r.reason().replaceAll("\\[.*]", "[...]"), 1, Integer::sum);
                } else if (expected instanceof Expectation.NotModelled n) {
                    notSettled.merge("not modelled: " + n.reason(), 1, Integer::sum);
                }
            }
        }
        return new Result(file, profile, seed, persons, enrolled, List.copyOf(bills), notSettled, List.copyOf(notes));
    }

    private static Institution relabel(Institution i, String region) {
        return new Institution(i.code(), i.name(), region, i.kind(), i.level(), i.chain(), i.latitude(), i.longitude());
    }

    /** The file's packs as the simulator reads them; a pack of another region is refused, zero-pay rules noted and left out. */
    static List<PolicyPack> packs(CityFile file, List<String> notes) {
        List<PolicyPack> packs = new ArrayList<>();
        for (int i = 0; i < file.packs().size(); i++) {
            CityFile.Pack ref = file.packs().get(i);
            PolicyPack pack = ref.isProposed() ? proposed(ref.id()) : PolicyPackFile.resource(ref.id());
            if (!pack.regionCode().equals(file.regionCode())) {
                throw new InvalidCityFileException(file.city() + ".yml", "packs[" + i + "].id", "the pack " + ref.id() + " is for region "
                        + pack.regionCode() + ", not the city's " + file.regionCode());
            }
            if (ref.isProposed()) {
                notes.add(pack.id() + " is a PROPOSED pack (calibration/packs/" + ref.id() + ".yml): the platform ships none for "
                        + pack.scheme() + " in " + file.name() + "; its rules are ASSUMPTIONs");
            }
            if (pack.zeroPayRules() > 0) {
                notes.add(pack.id() + ": its " + pack.zeroPayRules() + " zero-pay rule(s) (两病 class 甲 VBP drugs paid in full at general"
                        + " outpatient visits and pharmacies) are left out: the simulator's calculator does not model them; they touch no stay");
                pack = new PolicyPack(pack.id(), pack.version(), pack.regionCode(), pack.scheme(), pack.effectiveFrom(),
                        pack.priorSelfPayRatio(), pack.visits(), pack.catastrophic(), pack.supplementary(), pack.assistance(), 0);
            }
            packs.add(pack);
        }
        return packs;
    }

    private static PolicyPack proposed(String id) {
        String path = "calibration/packs/" + id + ".yml";
        try (InputStream in = CalibratedRun.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no proposed pack " + path + " on the class path");
            }
            return PolicyPackFile.read(path, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
