package org.yibao.casemix.drg;

import java.util.List;
import java.util.Map;

/**
 * A DRG grouping table file ({@code drg-tables/*.yml}) as written; {@link DrgTables} validates it.
 *
 * @param baseRates    the DRG base rate (费率, yuan per relative weight 1.0) per pooling region, as text
 * @param exclusions   the exclusion tables (排除表): table id to main diagnosis prefixes
 */
record DrgTableFile(String edition, Map<String, String> baseRates, List<Mdc> mdcs, List<Adrg> adrgs, List<Complication> complications,
                    Map<String, List<String>> exclusions) {

    /** A major diagnostic category (主要诊断大类): its main diagnoses (prefixes or codes), and its sex when for one only. */
    record Mdc(String code, String name, String sex, List<String> diagnoses) {
    }

    /** A core group (核心疾病诊断相关组) and its groups; minVentilatorHours only in the pre-MDC (MDCA). */
    record Adrg(String code, String name, String mdc, List<String> procedures, List<String> diagnoses, Integer minAge, Integer maxAge,
                Integer minVentilatorHours, List<Drg> drgs) {
    }

    /** A group of an ADRG: the least severity it takes (MCC, CC, or none: every other case). */
    record Drg(String code, String name, String severity) {
    }

    /** A complication or comorbidity (并发症或合并症): its level and its exclusion table. */
    record Complication(String code, String severity, String exclusion) {
    }
}
