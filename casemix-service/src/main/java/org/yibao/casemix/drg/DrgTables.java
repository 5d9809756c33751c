package org.yibao.casemix.drg;

import org.yibao.casemix.codes.CodeTables;
import org.yibao.contracts.region.Regions;
import org.yibao.web.config.DataFiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The DRG grouping tables in force (按疾病诊断相关分组, CHS-DRG; {@code drg-tables/*.yml}, exactly one file), read and validated
 * when the service starts: a bad file stops it naming the file and the field. The shipped file is a SAMPLE; a bureau loads
 * the full CHS-DRG tables it licenses in the same shape.
 *
 * <p>Checked on load (CHS-DRG naming rules): an MDC is {@code MDC} and a letter; an ADRG is its MDC's letter, a letter and a
 * digit, the second letter A-J a surgical ADRG (外科手术部分), K-Q a non-operating-room procedure ADRG (非手术室操作部分),
 * R-Z a medical ADRG (内科部分); a DRG is its ADRG's code and a digit: 1 with an MCC, 3 with a CC, 5 without (the last of a
 * split ADRG), 9 when the ADRG is not split. Every full code named is in the code tables in force.
 */
public final class DrgTables {

    static final String PATTERN = "drg-tables/*.yml";
    /** The pre-MDC (先期分组): its ADRGs take a case by any of its procedures or its hours of ventilation, before any other MDC. */
    public static final String PRE_MDC = "MDCA";
    /** A main diagnosis prefix: an ICD-10 chapter letter, category or subcategory, or a full insurance-edition code. */
    private static final String DIAGNOSIS_PREFIX = "[A-Z]([0-9]([0-9](\\.[0-9x]{1,3})?)?)?";
    private static final String PROCEDURE = "[0-9]{2}\\.[0-9x][0-9x]{3}";

    /** How severe a case's complications and comorbidities are (并发症或合并症). */
    public enum Severity {
        /** none (不伴并发症或合并症) */
        NONE,
        /** 一般并发症或合并症 */
        CC,
        /** 严重并发症或合并症 */
        MCC
    }

    /** What an ADRG is chosen by, from its code's second letter. */
    public enum AdrgKind {
        /** 外科手术部分 (A-J): by the main procedure */
        SURGICAL,
        /** 非手术室操作部分 (K-Q): by the main procedure */
        PROCEDURE,
        /** 内科部分 (R-Z): by the main diagnosis */
        MEDICAL
    }

    /** A major diagnostic category: the main diagnoses it takes (prefixes or codes) and its sex when for one only. */
    public record Mdc(String code, String name, Character sex, List<String> diagnoses) {

        public Mdc {
            diagnoses = List.copyOf(diagnoses);
        }
    }

    /**
     * A core group: surgical and procedure ADRGs take main procedures (and, when listed, only those main diagnoses);
     * medical ADRGs take main diagnoses; minAge/maxAge (null: any) limit it to an age band at admission. A pre-MDC ADRG
     * takes a case with any of its procedures, or ventilated at least minVentilatorHours (null: not by ventilation).
     */
    public record Adrg(String code, String name, String mdc, AdrgKind kind, List<String> procedures, List<String> diagnoses, Integer minAge,
                       Integer maxAge, Integer minVentilatorHours, List<Drg> drgs) {

        public Adrg {
            procedures = List.copyOf(procedures);
            diagnoses = List.copyOf(diagnoses);
            drgs = List.copyOf(drgs);
        }
    }

    /** A group: the least severity it takes (NONE: every case its ADRG's earlier groups did not take). */
    public record Drg(String code, String name, String adrg, Severity least) {
    }

    /** A complication or comorbidity: its level and its exclusion table (null: none). */
    public record Complication(String code, Severity severity, String exclusion) {
    }

    private final String edition;
    private final Map<String, BigDecimal> baseRates;
    private final List<Mdc> mdcs;
    private final List<Adrg> adrgs;
    private final Map<String, Drg> drgs;
    private final Map<String, Complication> complications;
    private final Map<String, List<String>> exclusions;
    private final Set<String> operatingRoom;

    private DrgTables(String edition, Map<String, BigDecimal> baseRates, List<Mdc> mdcs, List<Adrg> adrgs,
                      Map<String, Complication> complications, Map<String, List<String>> exclusions) {
        this.edition = edition;
        this.baseRates = Map.copyOf(baseRates);
        this.mdcs = List.copyOf(mdcs);
        this.adrgs = List.copyOf(adrgs);
        Map<String, Drg> byCode = new LinkedHashMap<>();
        Set<String> or = new HashSet<>();
        for (Adrg a : adrgs) {
            a.drgs().forEach(d -> byCode.put(d.code(), d));
            if (a.kind() == AdrgKind.SURGICAL && !a.mdc().equals(PRE_MDC)) {
                or.addAll(a.procedures());
            }
        }
        this.drgs = java.util.Collections.unmodifiableMap(byCode);
        this.complications = Map.copyOf(complications);
        this.exclusions = Map.copyOf(exclusions);
        this.operatingRoom = Set.copyOf(or);
    }

    public static DrgTables loadFromClasspath(CodeTables codes) {
        return load(DataFiles.onClasspath(PATTERN), codes);
    }

    static DrgTables load(List<DataFiles.DataFile> files, CodeTables codes) {
        if (files.size() != 1) {
            throw new IllegalStateException(PATTERN + ": exactly one grouping table is used; found "
                    + files.stream().map(DataFiles.DataFile::name).toList());
        }
        DataFiles.DataFile file = files.get(0);
        String name = file.name();
        DrgTableFile f = DataFiles.read(file, DrgTableFile.class);
        if (f.edition() == null || f.edition().isBlank()) {
            throw DataFiles.invalid(name, "edition", "is required");
        }
        Map<String, BigDecimal> rates = new TreeMap<>();
        for (Map.Entry<String, String> e : (f.baseRates() == null ? Map.<String, String>of() : f.baseRates()).entrySet()) {
            String at = "baseRates." + e.getKey();
            if (!e.getKey().matches("[0-9]{6}")) {
                throw DataFiles.invalid(name, at, "must be keyed by a 6-digit administrative division code");
            }
            if (e.getValue() == null || !e.getValue().matches("[0-9]{1,7}(\\.[0-9]{1,2})?") || new BigDecimal(e.getValue()).signum() <= 0) {
                throw DataFiles.invalid(name, at, "must be yuan per weight written as text, above 0 with at most 2 decimals, such as \"9500.00\"");
            }
            rates.put(e.getKey(), new BigDecimal(e.getValue()));
        }
        Map<String, List<String>> exclusions = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : (f.exclusions() == null ? Map.<String, List<String>>of() : f.exclusions()).entrySet()) {
            String at = "exclusions." + e.getKey();
            if (!e.getKey().matches("[A-Za-z0-9]{1,12}")) {
                throw DataFiles.invalid(name, at, "must be named by 1 to 12 letters or digits");
            }
            exclusions.put(e.getKey(), diagnoses(name, at, e.getValue(), codes));
        }
        if (f.mdcs() == null || f.mdcs().isEmpty()) {
            throw DataFiles.invalid(name, "mdcs", "is required: at least one major diagnostic category");
        }
        List<Mdc> mdcs = new ArrayList<>();
        Set<String> mdcCodes = new HashSet<>();
        for (int i = 0; i < f.mdcs().size(); i++) {
            DrgTableFile.Mdc m = f.mdcs().get(i);
            String at = "mdcs[" + i + "]";
            if (m == null || m.code() == null || !m.code().matches("MDC[A-Z]")) {
                throw DataFiles.invalid(name, at + ".code", "must be MDC and a letter, such as MDCG");
            }
            if (!mdcCodes.add(m.code())) {
                throw DataFiles.invalid(name, at + ".code", "appears twice: " + m.code());
            }
            required(name, at + ".name", m.name());
            if (m.sex() != null && !m.sex().matches("[FM]")) {
                throw DataFiles.invalid(name, at + ".sex", "must be F or M");
            }
            boolean pre = m.code().equals(PRE_MDC);
            if (pre && m.diagnoses() != null && !m.diagnoses().isEmpty()) {
                throw DataFiles.invalid(name, at + ".diagnoses", "the pre-MDC (MDCA) takes cases by its ADRGs' procedures and ventilation, not by diagnosis");
            }
            mdcs.add(new Mdc(m.code(), m.name(), m.sex() == null ? null : m.sex().charAt(0),
                    pre ? List.of() : diagnoses(name, at + ".diagnoses", m.diagnoses(), codes)));
        }
        if (f.adrgs() == null || f.adrgs().isEmpty()) {
            throw DataFiles.invalid(name, "adrgs", "is required: at least one core group (ADRG)");
        }
        List<Adrg> adrgs = new ArrayList<>();
        Set<String> adrgCodes = new HashSet<>();
        Set<String> drgCodes = new HashSet<>();
        for (int i = 0; i < f.adrgs().size(); i++) {
            adrgs.add(adrg(name, "adrgs[" + i + "]", f.adrgs().get(i), mdcCodes, adrgCodes, drgCodes, codes));
        }
        Map<String, Complication> complications = new LinkedHashMap<>();
        List<DrgTableFile.Complication> cs = f.complications() == null ? List.of() : f.complications();
        for (int i = 0; i < cs.size(); i++) {
            DrgTableFile.Complication c = cs.get(i);
            String at = "complications[" + i + "]";
            if (c == null || c.code() == null || !c.code().matches(DIAGNOSIS_PREFIX) || c.code().length() != 7) {
                throw DataFiles.invalid(name, at + ".code", "must be a full diagnosis code such as I50.900");
            }
            if (codes.diagnosis(c.code()).isEmpty()) {
                throw DataFiles.invalid(name, at + ".code", "is not in the diagnosis table in force: " + c.code());
            }
            Severity severity = severity(name, at + ".severity", c.severity());
            if (severity == null) {
                throw DataFiles.invalid(name, at + ".severity", "is required: MCC or CC");
            }
            if (c.exclusion() != null && !exclusions.containsKey(c.exclusion())) {
                throw DataFiles.invalid(name, at + ".exclusion", "is not an exclusion table of this file: " + c.exclusion()
                        + "; they are " + exclusions.keySet());
            }
            if (complications.put(c.code(), new Complication(c.code(), severity, c.exclusion())) != null) {
                throw DataFiles.invalid(name, at + ".code", "appears twice: " + c.code());
            }
        }
        return new DrgTables(f.edition(), rates, mdcs, adrgs, complications, exclusions);
    }

    private static Adrg adrg(String name, String at, DrgTableFile.Adrg a, Set<String> mdcs, Set<String> adrgCodes, Set<String> drgCodes,
                             CodeTables codes) {
        if (a == null || a.code() == null || !a.code().matches("[A-Z][A-Z][0-9]")) {
            throw DataFiles.invalid(name, at + ".code", "must be an ADRG code: the MDC's letter, a letter and a digit, such as GD2");
        }
        if (!adrgCodes.add(a.code())) {
            throw DataFiles.invalid(name, at + ".code", "appears twice: " + a.code());
        }
        required(name, at + ".name", a.name());
        if (a.mdc() == null || !mdcs.contains(a.mdc())) {
            throw DataFiles.invalid(name, at + ".mdc", "is not an MDC of this file: " + a.mdc());
        }
        if (a.code().charAt(0) != a.mdc().charAt(3)) {
            throw DataFiles.invalid(name, at + ".code", "must begin with its MDC's letter " + a.mdc().charAt(3) + ": " + a.code());
        }
        char second = a.code().charAt(1);
        AdrgKind kind = second <= 'J' ? AdrgKind.SURGICAL : second <= 'Q' ? AdrgKind.PROCEDURE : AdrgKind.MEDICAL;
        List<String> procedures = a.procedures() == null ? List.of() : a.procedures();
        List<String> diagnoses = a.diagnoses() == null ? List.of() : diagnoses(name, at + ".diagnoses", a.diagnoses(), codes);
        boolean pre = a.mdc().equals(PRE_MDC);
        if (a.minVentilatorHours() != null && (!pre || a.minVentilatorHours() < 1 || a.minVentilatorHours() > 10_000)) {
            throw DataFiles.invalid(name, at + ".minVentilatorHours", pre ? "must be from 1 to 10000 hours"
                    : "only a pre-MDC (MDCA) ADRG takes a case by its hours of ventilation");
        }
        if (pre && kind == AdrgKind.MEDICAL) {
            throw DataFiles.invalid(name, at + ".code", "a pre-MDC (MDCA) ADRG is surgical or a procedure (second letter A-Q): " + a.code());
        }
        if (pre && !diagnoses.isEmpty()) {
            throw DataFiles.invalid(name, at + ".diagnoses", "a pre-MDC (MDCA) ADRG takes a case by its procedures and ventilation only");
        }
        if (pre && procedures.isEmpty() && a.minVentilatorHours() == null) {
            throw DataFiles.invalid(name, at + ".procedures", "is required of a pre-MDC (MDCA) ADRG without minVentilatorHours");
        }
        if (kind == AdrgKind.MEDICAL) {
            if (!procedures.isEmpty()) {
                throw DataFiles.invalid(name, at + ".procedures", "a medical ADRG (second letter R-Z) is chosen by the main diagnosis alone");
            }
            if (diagnoses.isEmpty()) {
                throw DataFiles.invalid(name, at + ".diagnoses", "is required: a medical ADRG (second letter R-Z) is chosen by the main diagnosis");
            }
        } else {
            if (procedures.isEmpty() && !pre) {
                throw DataFiles.invalid(name, at + ".procedures", "is required: a surgical (A-J) or procedure (K-Q) ADRG is chosen by the main procedure");
            }
            for (int j = 0; j < procedures.size(); j++) {
                String p = procedures.get(j);
                if (p == null || !p.matches(PROCEDURE)) {
                    throw DataFiles.invalid(name, at + ".procedures[" + j + "]", "must be a procedure code such as 47.0100");
                }
                if (codes.procedure(p).isEmpty()) {
                    throw DataFiles.invalid(name, at + ".procedures[" + j + "]", "is not in the procedure table in force: " + p);
                }
            }
        }
        if ((a.minAge() != null && (a.minAge() < 0 || a.minAge() > 150)) || (a.maxAge() != null && (a.maxAge() < 0 || a.maxAge() > 150))
                || (a.minAge() != null && a.maxAge() != null && a.minAge() > a.maxAge())) {
            throw DataFiles.invalid(name, at + ".minAge", "ages must be 0 to 150 years, the least first");
        }
        if (a.drgs() == null || a.drgs().isEmpty()) {
            throw DataFiles.invalid(name, at + ".drgs", "is required: at least one group");
        }
        List<Drg> drgs = new ArrayList<>();
        boolean split = a.drgs().size() > 1;
        for (int j = 0; j < a.drgs().size(); j++) {
            DrgTableFile.Drg d = a.drgs().get(j);
            String dat = at + ".drgs[" + j + "]";
            if (d == null || d.code() == null || !d.code().matches(a.code() + "[1-9]")) {
                throw DataFiles.invalid(name, dat + ".code", "must be the ADRG's code and a digit, such as " + a.code() + "1");
            }
            if (!drgCodes.add(d.code())) {
                throw DataFiles.invalid(name, dat + ".code", "appears twice: " + d.code());
            }
            required(name, dat + ".name", d.name());
            Severity least = severity(name, dat + ".severity", d.severity());
            boolean last = j == a.drgs().size() - 1;
            if (last != (least == null)) {
                throw DataFiles.invalid(name, dat + ".severity", last ? "the last group takes every other case: no severity"
                        : "is required on every group but the last: MCC or CC");
            }
            char digit = d.code().charAt(3);
            char expected = !split ? '9' : least == Severity.MCC ? '1' : least == Severity.CC ? '3' : '5';
            if (digit != expected) {
                throw DataFiles.invalid(name, dat + ".code", "must end in " + expected + " (CHS-DRG: 1 with an MCC, 3 with a CC, 5 without,"
                        + " 9 not split): " + d.code());
            }
            drgs.add(new Drg(d.code(), d.name(), a.code(), least == null ? Severity.NONE : least));
        }
        return new Adrg(a.code(), a.name(), a.mdc(), kind, procedures, diagnoses, a.minAge(), a.maxAge(), a.minVentilatorHours(), drgs);
    }

    private static List<String> diagnoses(String name, String at, List<String> list, CodeTables codes) {
        if (list == null || list.isEmpty()) {
            throw DataFiles.invalid(name, at, "is required: at least one diagnosis prefix or code");
        }
        for (int i = 0; i < list.size(); i++) {
            String d = list.get(i);
            if (d == null || !d.matches(DIAGNOSIS_PREFIX)) {
                throw DataFiles.invalid(name, at + "[" + i + "]", "must be an ICD-10 chapter letter, category, subcategory or code, such as K35 or K35.800");
            }
            if (d.length() == 7 && codes.diagnosis(d).isEmpty()) {
                throw DataFiles.invalid(name, at + "[" + i + "]", "is not in the diagnosis table in force: " + d);
            }
        }
        return List.copyOf(list);
    }

    private static Severity severity(String name, String at, String text) {
        if (text == null) {
            return null;
        }
        if (!text.equals("MCC") && !text.equals("CC")) {
            throw DataFiles.invalid(name, at, "must be MCC or CC: " + text);
        }
        return Severity.valueOf(text);
    }

    private static void required(String name, String at, String value) {
        if (value == null || value.isBlank()) {
            throw DataFiles.invalid(name, at, "is required");
        }
    }

    /** Whether a code is one of the prefixes (a chapter letter, category, subcategory or the code itself). */
    static boolean matches(List<String> prefixes, String code) {
        return prefixes.stream().anyMatch(code::startsWith);
    }

    public String edition() {
        return edition;
    }

    public List<Mdc> mdcs() {
        return mdcs;
    }

    /** The ADRGs of an MDC, in the file's order. */
    public List<Adrg> adrgs(String mdc) {
        return adrgs.stream().filter(a -> a.mdc().equals(mdc)).toList();
    }

    public Optional<Drg> drg(String code) {
        return Optional.ofNullable(drgs.get(code));
    }

    public Optional<Complication> complication(String diagnosis) {
        return Optional.ofNullable(complications.get(diagnosis));
    }

    /** The exclusion table's prefix the main diagnosis matches, if the table holds it. */
    public Optional<String> excludedBy(String exclusion, String mainDiagnosis) {
        return exclusion == null ? Optional.empty()
                : exclusions.getOrDefault(exclusion, List.of()).stream().filter(mainDiagnosis::startsWith).findFirst();
    }

    /** Whether a procedure is an operating-room procedure: one a surgical ADRG of the table takes (ASSUMPTION: the sample has no separate list). */
    public boolean operatingRoom(String procedure) {
        return operatingRoom.contains(procedure);
    }

    /** The base rate of a region: the most specific region of the file containing it. */
    public Optional<BigDecimal> baseRate(String regionCode) {
        return baseRates.entrySet().stream().filter(e -> Regions.contains(e.getKey(), regionCode))
                .max(Comparator.comparingInt(e -> e.getKey().endsWith("0000") ? 0 : e.getKey().endsWith("00") ? 1 : 2))
                .map(Map.Entry::getValue);
    }
}
