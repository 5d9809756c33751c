package org.yibao.casemix.codes;

import org.yibao.web.config.DataFiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code tables in force (code-tables/*.yml): the insurance editions of ICD-10 (医保版疾病诊断分类与代码) and ICD-9-CM-3
 * (医保版手术操作分类与代码), read and validated when the service starts (a bad file stops it naming the file and the
 * field). The shipped files are SAMPLES; a bureau loads the full national tables in the same shape.
 */
public final class CodeTables {

    static final String PATTERN = "code-tables/*.yml";
    /** An insurance-edition diagnosis code: a letter, two digits, a dot, three characters (K35.800, I10.x00). */
    static final String DIAGNOSIS = "[A-Z][0-9]{2}\\.[0-9x][0-9x]{2}";
    /** An insurance-edition procedure code: two digits, a dot, four characters (47.0100, 74.1x00). */
    static final String PROCEDURE = "[0-9]{2}\\.[0-9x][0-9x]{3}";

    /** Which table a file is. */
    public enum Kind { DIAGNOSIS, PROCEDURE }

    private final Map<String, MedicalCode> diagnoses;
    private final Map<String, MedicalCode> procedures;
    private final List<String> editions;

    CodeTables(Map<String, MedicalCode> diagnoses, Map<String, MedicalCode> procedures, List<String> editions) {
        this.diagnoses = Map.copyOf(diagnoses);
        this.procedures = Map.copyOf(procedures);
        this.editions = List.copyOf(editions);
    }

    public static CodeTables loadFromClasspath() {
        return load(DataFiles.onClasspath(PATTERN));
    }

    static CodeTables load(List<DataFiles.DataFile> files) {
        Map<String, MedicalCode> diagnoses = new LinkedHashMap<>();
        Map<String, MedicalCode> procedures = new LinkedHashMap<>();
        List<String> editions = new java.util.ArrayList<>();
        for (DataFiles.DataFile file : files) {
            CodeFile f = DataFiles.read(file, CodeFile.class);
            if (f.edition() == null || f.edition().isBlank()) {
                throw DataFiles.invalid(file.name(), "edition", "is required");
            }
            if (f.kind() == null) {
                throw DataFiles.invalid(file.name(), "kind", "is required: DIAGNOSIS or PROCEDURE");
            }
            if (f.codes() == null || f.codes().isEmpty()) {
                throw DataFiles.invalid(file.name(), "codes", "is required: at least one code");
            }
            Map<String, MedicalCode> into = f.kind() == Kind.DIAGNOSIS ? diagnoses : procedures;
            String shape = f.kind() == Kind.DIAGNOSIS ? DIAGNOSIS : PROCEDURE;
            for (int i = 0; i < f.codes().size(); i++) {
                CodeFile.Entry e = f.codes().get(i);
                String at = "codes[" + i + "]";
                if (e == null || e.code() == null || !e.code().matches(shape)) {
                    throw DataFiles.invalid(file.name(), at + ".code", "must be a " + f.kind().name().toLowerCase() + " code such as "
                            + (f.kind() == Kind.DIAGNOSIS ? "K35.800" : "47.0100"));
                }
                if (e.name() == null || e.name().isBlank()) {
                    throw DataFiles.invalid(file.name(), at + ".name", "is required");
                }
                if (e.sex() != null && !e.sex().matches("[FM]")) {
                    throw DataFiles.invalid(file.name(), at + ".sex", "must be F or M");
                }
                if ((e.minAge() != null && (e.minAge() < 0 || e.minAge() > 150)) || (e.maxAge() != null && (e.maxAge() < 0 || e.maxAge() > 150))
                        || (e.minAge() != null && e.maxAge() != null && e.minAge() > e.maxAge())) {
                    throw DataFiles.invalid(file.name(), at + ".minAge", "ages must be 0 to 150 years, the least first");
                }
                if (into.put(e.code(), new MedicalCode(e.code(), e.name(), e.sex() == null ? null : e.sex().charAt(0), e.minAge(), e.maxAge(),
                        e.mainAllowed() == null || e.mainAllowed())) != null) {
                    throw DataFiles.invalid(file.name(), at + ".code", "appears twice: " + e.code());
                }
            }
            editions.add(f.kind() + " " + f.edition());
        }
        if (diagnoses.isEmpty() || procedures.isEmpty()) {
            throw new IllegalStateException(PATTERN + ": a diagnosis table and a procedure table are both required");
        }
        return new CodeTables(diagnoses, procedures, editions);
    }

    public Optional<MedicalCode> diagnosis(String code) {
        return Optional.ofNullable(diagnoses.get(code));
    }

    public Optional<MedicalCode> procedure(String code) {
        return Optional.ofNullable(procedures.get(code));
    }

    /** The editions loaded, e.g. "DIAGNOSIS 医保版2.0 SAMPLE". */
    public List<String> editions() {
        return editions;
    }
}
