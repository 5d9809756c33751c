package org.yibao.supervision.knowledge;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yibao.contracts.events.InstitutionLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The knowledge base's versions (知识库), loaded at start from data files and validated: a bureau's new
 * version is a new file beside the others ({@code yibao.supervision.knowledge-base}, resource
 * patterns, default the sample shipped with the platform). A file that does not fit stops the
 * service naming the file, the field and what is wrong (a half-read knowledge base would silently
 * miss fraud). The version in force on a service date is the latest begun by then.
 */
@Component
public class KnowledgeBase {

    private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");
    private static final Pattern PROCEDURE = Pattern.compile("[0-9]{2}(\\.[0-9x]{0,4})?");

    private final List<Knowledge> versions;

    @Autowired
    KnowledgeBase(@Value("${yibao.supervision.knowledge-base:classpath:knowledge/*.yml}") String[] locations) {
        this(load(locations));
    }

    /** A knowledge base of these versions (tests). */
    public KnowledgeBase(List<Knowledge> versions) {
        Set<String> names = new HashSet<>();
        for (Knowledge k : versions) {
            if (!names.add(k.version())) {
                throw new IllegalStateException("knowledge base: version " + k.version() + " is loaded twice");
            }
        }
        this.versions = versions.stream().sorted(Comparator.comparing(Knowledge::validFrom)).toList();
    }

    /** The version in force on a day; {@link Knowledge#none()} before the first. */
    public Knowledge inForce(LocalDate day) {
        Knowledge found = Knowledge.none();
        for (Knowledge k : versions) {
            if (!k.validFrom().isAfter(day)) {
                found = k;
            }
        }
        return found;
    }

    /** Every loaded version, oldest first. */
    public List<Knowledge> versions() {
        return versions;
    }

    private static List<Knowledge> load(String[] locations) {
        List<Knowledge> loaded = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String location : locations) {
                for (Resource r : resolver.getResources(location.trim())) {
                    loaded.add(parse(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    /**
     * Reads and checks one file (the format of docs/knowledge-base.md).
     *
     * @throws IllegalStateException {@code file: path: reason} for the first thing wrong
     */
    public static Knowledge parse(String file, String text) {
        KnowledgeFile f = StrictYaml.read(file, text, KnowledgeFile.class);
        if (f == null) {
            throw new IllegalStateException(file + ": is empty");
        }
        Check c = new Check(file);
        c.require(f.version() != null && !f.version().isBlank(), "version", "is required");
        c.require(f.validFrom() != null, "validFrom", "is required (yyyy-MM-dd)");
        c.require(f.source() != null && !f.source().isBlank(), "source", "is required: where the facts come from");
        List<Knowledge.Indication> indications = c.rows("indications", f.indications(), (at, r) -> new Knowledge.Indication(
                c.item(at + ".item", r.item()), r.name(), c.diagnoses(at + ".diagnoses", r.diagnoses(), true)));
        List<Knowledge.Indication> contra = c.rows("contraindications", f.contraindications(), (at, r) -> new Knowledge.Indication(
                c.item(at + ".item", r.item()), r.name(), c.diagnoses(at + ".diagnoses", r.diagnoses(), true)));
        List<Knowledge.Panel> panels = c.rows("contents", f.contents(), (at, r) -> {
            String panel = c.item(at + ".panel", r.panel());
            c.require(r.components() != null && !r.components().isEmpty(), at + ".components", "must list at least one component");
            List<String> components = new ArrayList<>();
            for (int i = 0; i < r.components().size(); i++) {
                String component = c.item(at + ".components[" + i + "]", r.components().get(i));
                c.require(!component.equals(panel), at + ".components[" + i + "]", "is the panel itself");
                components.add(component);
            }
            return new Knowledge.Panel(panel, r.name(), components);
        });
        List<Knowledge.ProcedureBound> bound = c.rows("procedureBound", f.procedureBound(), (at, r) -> {
            List<String> procedures = r.procedures() == null ? List.of() : r.procedures();
            for (int i = 0; i < procedures.size(); i++) {
                c.require(procedures.get(i) != null && PROCEDURE.matcher(procedures.get(i)).matches(), at + ".procedures[" + i + "]",
                        "is not an ICD-9-CM-3 code or prefix (e.g. 36.0, 36.06)");
            }
            List<String> items = r.items() == null ? List.of() : r.items();
            for (int i = 0; i < items.size(); i++) {
                c.item(at + ".items[" + i + "]", items.get(i));
            }
            c.require(!procedures.isEmpty() || !items.isEmpty(), at, "must name the procedures or the items it belongs to");
            return new Knowledge.ProcedureBound(c.item(at + ".item", r.item()), r.name(), procedures, items,
                    c.diagnoses(at + ".diagnoses", r.diagnoses(), false));
        });
        List<Knowledge.SexSpecific> sex = c.rows("sexSpecific", f.sexSpecific(), (at, r) -> {
            c.require(r.sex() != null, at + ".sex", "is required: MALE or FEMALE");
            return new Knowledge.SexSpecific(c.items(at, r.item(), r.names()), r.name(), r.sex());
        });
        List<Knowledge.AgeSpecific> age = c.rows("ageSpecific", f.ageSpecific(), (at, r) -> {
            c.require(r.minAge() != null && r.minAge() >= 0 && r.minAge() <= 150, at + ".minAge", "must be 0 to 150");
            c.require(r.maxAge() != null && r.maxAge() >= r.minAge() && r.maxAge() <= 150, at + ".maxAge",
                    "must be minAge to 150");
            return new Knowledge.AgeSpecific(c.items(at, r.item(), r.names()), r.name(), r.minAge(), r.maxAge());
        });
        List<Knowledge.DailyDose> doses = c.rows("dailyDoses", f.dailyDoses(), (at, r) -> {
            c.require(r.unitsPerDay() != null && r.unitsPerDay().signum() > 0 && r.unitsPerDay().scale() <= 4,
                    at + ".unitsPerDay", "must be more than zero, at most 4 decimals");
            return new Knowledge.DailyDose(c.item(at + ".item", r.item()), r.name(), r.unitsPerDay());
        });
        List<Knowledge.Restriction> restrictions = c.rows("restrictions", f.restrictions(), (at, r) -> {
            Set<org.yibao.contracts.events.VisitType> visits = r.visitTypes() == null ? Set.of() : Set.copyOf(r.visitTypes());
            Set<org.yibao.contracts.events.PersonType> persons = r.personTypes() == null ? Set.of() : Set.copyOf(r.personTypes());
            c.require(!visits.isEmpty() || r.minLevel() != null || !persons.isEmpty(), at,
                    "must restrict something: visitTypes, minLevel or personTypes");
            c.require(r.minLevel() == null || EnumSet.of(InstitutionLevel.LEVEL_1, InstitutionLevel.LEVEL_2, InstitutionLevel.LEVEL_3)
                    .contains(r.minLevel()), at + ".minLevel", "must be LEVEL_1, LEVEL_2 or LEVEL_3");
            return new Knowledge.Restriction(c.item(at + ".item", r.item()), r.name(), visits, r.minLevel(), persons);
        });
        List<DiagnosisRange> planned = c.diagnoses("plannedTreatment", f.plannedTreatment(), false);
        List<DiagnosisRange> plannedWith = c.diagnoses("plannedTreatmentWith", f.plannedTreatmentWith(), false);
        return new Knowledge(f.version(), f.validFrom(), Boolean.TRUE.equals(f.sample()), f.source(), indications, contra,
                panels, bound, sex, age, doses, restrictions, planned, plannedWith);
    }

    /** The checks of one file, each naming the file and the field. */
    private record Check(String file) {

        void require(boolean ok, String at, String reason) {
            if (!ok) {
                throw new IllegalStateException(file + ": " + at + ": " + reason);
            }
        }

        String item(String at, String code) {
            require(code != null && ITEM.matcher(code).matches(), at, "must be an item code or prefix (letters, digits, . _ -; at most 50)");
            return code;
        }

        /** A code prefix, names, or both: at least one. */
        Knowledge.ItemMatch items(String at, String item, List<String> names) {
            List<String> fragments = names == null ? List.of() : names;
            require(item != null || !fragments.isEmpty(), at, "must name the items: item (a code prefix) or names");
            for (int i = 0; i < fragments.size(); i++) {
                String n = fragments.get(i);
                require(n != null && !n.isBlank() && n.length() <= 100, at + ".names[" + i + "]", "must be a name fragment of 1 to 100 characters");
            }
            return new Knowledge.ItemMatch(item == null ? null : item(at + ".item", item), fragments);
        }

        List<DiagnosisRange> diagnoses(String at, List<String> texts, boolean required) {
            if (texts == null || texts.isEmpty()) {
                require(!required, at, "must list at least one ICD-10 code or range");
                return List.of();
            }
            List<DiagnosisRange> ranges = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                try {
                    ranges.add(DiagnosisRange.parse(texts.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + ": " + at + "[" + i + "]: " + e.getMessage());
                }
            }
            return ranges;
        }

        <R, T> List<T> rows(String section, List<R> rows, java.util.function.BiFunction<String, R, T> each) {
            if (rows == null) {
                return List.of();
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                require(rows.get(i) != null, section + "[" + i + "]", "is empty");
                out.add(each.apply(section + "[" + i + "]", rows.get(i)));
            }
            return out;
        }
    }
}
