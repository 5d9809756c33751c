package org.yibao.supervision.knowledge;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A knowledge-base file as written (docs/knowledge-base.md gives the format with an example); Jackson
 * binds it, {@link KnowledgeBase} checks what crosses fields and turns it into {@link Knowledge}.
 * Every list may be absent (empty).
 */
record KnowledgeFile(String version, LocalDate validFrom, Boolean sample, String source,
                     List<IndicationRow> indications, List<IndicationRow> contraindications, List<PanelRow> contents,
                     List<ProcedureBoundRow> procedureBound, List<SexRow> sexSpecific, List<AgeRow> ageSpecific,
                     List<DoseRow> dailyDoses, List<RestrictionRow> restrictions, List<String> plannedTreatment,
                     List<String> plannedTreatmentWith) {

    record IndicationRow(String item, String name, List<String> diagnoses) {
    }

    record PanelRow(String panel, String name, List<String> components) {
    }

    record ProcedureBoundRow(String item, String name, List<String> procedures, List<String> items, List<String> diagnoses) {
    }

    record SexRow(String item, String name, List<String> names, ResidentId.Gender sex) {
    }

    record AgeRow(String item, String name, List<String> names, Integer minAge, Integer maxAge) {
    }

    record DoseRow(String item, String name, BigDecimal unitsPerDay) {
    }

    record RestrictionRow(String item, String name, List<VisitType> visitTypes, InstitutionLevel minLevel,
                          List<PersonType> personTypes) {
    }
}
