package org.yibao.casemix.drg;

import org.yibao.casemix.drg.DrgTables.Adrg;
import org.yibao.casemix.drg.DrgTables.AdrgKind;
import org.yibao.casemix.drg.DrgTables.Complication;
import org.yibao.casemix.drg.DrgTables.Drg;
import org.yibao.casemix.drg.DrgTables.Mdc;
import org.yibao.casemix.drg.DrgTables.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a case in its DRG (按疾病诊断相关分组, CHS-DRG 分组与付费技术规范: 逐层细化 MDC → ADRG → DRG), a pure calculation with
 * a trace line per step:
 *
 * <ol>
 * <li>pre-MDC (先期分组, MDCA): the first of its ADRGs taking any of the case's procedures, or its hours of invasive
 *     ventilation (有创呼吸机 ≥ 96 hours in CHS-DRG), before any other MDC (then to severity and DRG);</li>
 * <li>MDC (主要诊断大类): the first of the table whose main diagnoses take the case's main diagnosis and whose sex, if it has
 *     one, is the patient's; none: 0000 (ungroupable);</li>
 * <li>ADRG (核心疾病诊断相关组): with a main procedure, the first surgical or procedure ADRG of the MDC taking it (and its main
 *     diagnosis and age, where the ADRG limits them); a main operating-room procedure none of them takes puts the case in the
 *     MDC's 歧义组 ({@code <letter>QY}); otherwise the first medical ADRG taking the main diagnosis (and age); none:
 *     0000;</li>
 * <li>severity: the most severe secondary diagnosis on the complication list (CC/MCC) whose exclusion table does not hold the
 *     main diagnosis (并发症或合并症排除);</li>
 * <li>DRG: the first group of the ADRG whose least severity the case reaches; the last takes every other case.</li>
 * </ol>
 * Not grouped here (not in the sample): newborns (MDCP), HIV (MDCY), multiple trauma (MDCZ) and the groups of death or
 * transfer within 5 days (digit 7).
 */
public final class DrgGrouper {

    /** Ungroupable: no MDC or no ADRG takes the case (0000组). */
    public static final String UNGROUPABLE = "0000";

    private DrgGrouper() {
    }

    /**
     * What the grouper reads of a settlement list and its stay.
     *
     * @param mainProcedure   the main procedure's code, or null (none)
     * @param procedures      every procedure's code, the main one among them
     * @param ventilatorHours hours of invasive ventilation (呼吸机使用时间)
     * @param sex             'F' or 'M'
     * @param age             whole years at admission
     */
    public record DrgCase(String mainDiagnosis, List<String> secondaryDiagnoses, String mainProcedure, List<String> procedures,
                          int ventilatorHours, char sex, int age) {

        public DrgCase {
            secondaryDiagnoses = List.copyOf(secondaryDiagnoses);
            procedures = List.copyOf(procedures);
        }
    }

    /** Whether the case is in a DRG, in an MDC's 歧义组, or ungroupable (0000). */
    public enum Outcome {
        GROUPED,
        /** 歧义组 (QY): a main operating-room procedure unrelated to the main diagnosis's MDC */
        AMBIGUOUS,
        /** 0000组: no MDC, or no ADRG of the MDC, takes it */
        UNGROUPABLE
    }

    /**
     * A case's group and why.
     *
     * @param mdc      the MDC, or null when none takes the case
     * @param adrg     the ADRG, or null when not grouped
     * @param drg      the DRG's code, {@code <letter>QY} or 0000
     * @param severity the complications' severity counted (NONE when not grouped)
     */
    public record Grouped(Outcome outcome, String mdc, String adrg, String drg, String drgName, Severity severity, List<String> trace) {

        public Grouped {
            trace = List.copyOf(trace);
        }
    }

    public static Grouped group(DrgTables tables, DrgCase c) {
        List<String> trace = new ArrayList<>();
        for (Adrg pre : tables.adrgs(DrgTables.PRE_MDC)) {
            Optional<String> procedure = c.procedures().stream().filter(pre.procedures()::contains).findFirst();
            boolean ventilated = pre.minVentilatorHours() != null && c.ventilatorHours() >= pre.minVentilatorHours();
            if ((procedure.isPresent() || ventilated) && ageFits(pre, c.age())) {
                trace.add("pre-MDC (先期分组): " + (procedure.isPresent() ? "procedure " + procedure.get()
                        : "invasive ventilation " + c.ventilatorHours() + " hours (at least " + pre.minVentilatorHours() + ")")
                        + " takes " + DrgTables.PRE_MDC + " ADRG " + pre.code() + " " + pre.name() + ", whatever the main diagnosis");
                return drg(tables, c, DrgTables.PRE_MDC, pre, trace);
            }
        }
        Optional<Mdc> mdc = tables.mdcs().stream()
                .filter(m -> DrgTables.matches(m.diagnoses(), c.mainDiagnosis()) && (m.sex() == null || m.sex() == c.sex())).findFirst();
        if (mdc.isEmpty()) {
            trace.add("MDC: no major diagnostic category of " + tables.edition() + " takes main diagnosis " + c.mainDiagnosis()
                    + " (sex " + c.sex() + "): ungroupable (0000)");
            return new Grouped(Outcome.UNGROUPABLE, null, null, UNGROUPABLE, "不能入组", Severity.NONE, trace);
        }
        Mdc m = mdc.get();
        trace.add("MDC: main diagnosis " + c.mainDiagnosis() + " is in " + m.code() + " " + m.name() + " (takes " + m.diagnoses()
                + (m.sex() == null ? "" : ", sex " + m.sex()) + ")");
        List<Adrg> adrgs = tables.adrgs(m.code());
        Adrg adrg = null;
        if (c.mainProcedure() != null) {
            adrg = adrgs.stream().filter(a -> a.kind() != AdrgKind.MEDICAL && a.procedures().contains(c.mainProcedure())
                    && (a.diagnoses().isEmpty() || DrgTables.matches(a.diagnoses(), c.mainDiagnosis())) && ageFits(a, c.age())).findFirst().orElse(null);
            if (adrg != null) {
                trace.add("ADRG: main procedure " + c.mainProcedure() + " takes " + adrg.kind().name().toLowerCase() + " ADRG " + adrg.code()
                        + " " + adrg.name() + ageText(adrg));
            } else if (tables.operatingRoom(c.mainProcedure())) {
                String qy = m.code().charAt(3) + "QY";
                trace.add("ADRG: main procedure " + c.mainProcedure() + " is an operating-room procedure no surgical ADRG of " + m.code()
                        + " takes: 歧义组 " + qy + " (the procedure is unrelated to the main diagnosis)");
                return new Grouped(Outcome.AMBIGUOUS, m.code(), null, qy, "歧义组", Severity.NONE, trace);
            } else {
                trace.add("ADRG: main procedure " + c.mainProcedure() + " is not an operating-room procedure and no procedure ADRG of "
                        + m.code() + " takes it: grouped by the main diagnosis");
            }
        } else {
            trace.add("ADRG: no main procedure: grouped by the main diagnosis");
        }
        if (adrg == null) {
            adrg = adrgs.stream().filter(a -> a.kind() == AdrgKind.MEDICAL && DrgTables.matches(a.diagnoses(), c.mainDiagnosis())
                    && ageFits(a, c.age())).findFirst().orElse(null);
            if (adrg == null) {
                trace.add("ADRG: no medical ADRG of " + m.code() + " takes main diagnosis " + c.mainDiagnosis() + " at age " + c.age()
                        + ": ungroupable (0000)");
                return new Grouped(Outcome.UNGROUPABLE, m.code(), null, UNGROUPABLE, "不能入组", Severity.NONE, trace);
            }
            trace.add("ADRG: main diagnosis " + c.mainDiagnosis() + " takes medical ADRG " + adrg.code() + " " + adrg.name() + ageText(adrg)
                    + ", age " + c.age());
        }
        return drg(tables, c, m.code(), adrg, trace);
    }

    private static Grouped drg(DrgTables tables, DrgCase c, String mdc, Adrg adrg, List<String> trace) {
        Severity severity = severity(tables, c, trace);
        for (Drg d : adrg.drgs()) {
            if (severity.compareTo(d.least()) >= 0) {
                trace.add("DRG: " + d.code() + " " + d.name() + (adrg.drgs().size() == 1 ? " (the ADRG is not split)"
                        : d.least() == Severity.NONE ? " (the ADRG's group for every other case)" : " (takes " + d.least() + " and above)"));
                return new Grouped(Outcome.GROUPED, mdc, adrg.code(), d.code(), d.name(), severity, trace);
            }
        }
        throw new IllegalStateException("ADRG " + adrg.code() + " has no group for every other case");
    }

    private static Severity severity(DrgTables tables, DrgCase c, List<String> trace) {
        Severity most = Severity.NONE;
        for (String secondary : c.secondaryDiagnoses()) {
            Optional<Complication> cc = tables.complication(secondary);
            if (cc.isEmpty()) {
                continue;
            }
            Optional<String> excluded = tables.excludedBy(cc.get().exclusion(), c.mainDiagnosis());
            if (excluded.isPresent()) {
                trace.add("severity: secondary " + secondary + " (" + cc.get().severity() + ") excluded: its exclusion table "
                        + cc.get().exclusion() + " holds the main diagnosis " + c.mainDiagnosis() + " (" + excluded.get() + ")");
                continue;
            }
            trace.add("severity: secondary " + secondary + " is " + (cc.get().severity() == Severity.MCC
                    ? "a major complication or comorbidity (MCC, 严重并发症或合并症)" : "a complication or comorbidity (CC, 一般并发症或合并症)"));
            if (cc.get().severity().compareTo(most) > 0) {
                most = cc.get().severity();
            }
        }
        if (most == Severity.NONE) {
            trace.add("severity: no secondary diagnosis counts as a CC or MCC");
        }
        return most;
    }

    private static boolean ageFits(Adrg a, int age) {
        return (a.minAge() == null || age >= a.minAge()) && (a.maxAge() == null || age <= a.maxAge());
    }

    private static String ageText(Adrg a) {
        return a.minAge() == null && a.maxAge() == null ? ""
                : " (ages " + (a.minAge() == null ? 0 : a.minAge()) + " to " + (a.maxAge() == null ? "any" : a.maxAge()) + ")";
    }
}
