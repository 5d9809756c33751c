package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * Everything the one-stop calculation needs about one encounter, already resolved from the read
 * models: who (person type, tier, assistance category, certified diseases), where (institution
 * level, in or outside the region), what (diagnoses, priced lines).
 *
 * @param certifiedDiseases         ICD-10 codes of the person's chronic/special-disease certifications
 *                                  in force on the service date
 * @param personalAccountAvailable how much the person's account may pay towards this bill (zero
 *                                  for residents, or when the person does not ask for it)
 * @param deliveryKind              a DELIVERY's kind of delivery (生育类别), on which its fixed payment depends;
 *                                  empty for every other visit type
 */
public record Claim(
        VisitType visitType,
        InstitutionLevel institutionLevel,
        PersonType personType,
        Optional<EmploymentTier> tier,
        Optional<AssistanceCategory> assistanceCategory,
        TreatmentPlace place,
        List<String> diagnosisCodes,
        List<String> certifiedDiseases,
        List<BillLine> lines,
        Money personalAccountAvailable,
        Optional<DeliveryKind> deliveryKind) {

    /** A claim that is not a delivery. */
    public Claim(VisitType visitType, InstitutionLevel institutionLevel, PersonType personType, Optional<EmploymentTier> tier,
                 Optional<AssistanceCategory> assistanceCategory, TreatmentPlace place, List<String> diagnosisCodes,
                 List<String> certifiedDiseases, List<BillLine> lines, Money personalAccountAvailable) {
        this(visitType, institutionLevel, personType, tier, assistanceCategory, place, diagnosisCodes, certifiedDiseases, lines,
                personalAccountAvailable, Optional.empty());
    }

    /** A local encounter with no tier, diagnoses or certifications. */
    public Claim(VisitType visitType, InstitutionLevel institutionLevel, PersonType personType,
                 Optional<AssistanceCategory> assistanceCategory, List<BillLine> lines, Money personalAccountAvailable) {
        this(visitType, institutionLevel, personType, Optional.empty(), assistanceCategory, TreatmentPlace.LOCAL,
                List.of(), List.of(), lines, personalAccountAvailable);
    }

    public Claim {
        lines = List.copyOf(lines);
        diagnosisCodes = List.copyOf(diagnosisCodes);
        certifiedDiseases = List.copyOf(certifiedDiseases);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a claim needs at least one line");
        }
        java.util.Objects.requireNonNull(deliveryKind, "deliveryKind");
        if (personalAccountAvailable.isNegative()) {
            throw new IllegalArgumentException("personal account available must not be negative");
        }
    }

    /** The same claim with another amount the personal account may pay (every other fact kept). */
    public Claim withPersonalAccountAvailable(Money available) {
        return new Claim(visitType, institutionLevel, personType, tier, assistanceCategory, place, diagnosisCodes, certifiedDiseases,
                lines, available, deliveryKind);
    }

    /** Whether one of the person's certifications covers one of the bill's diagnoses (by ICD-10 prefix). */
    public boolean certifiedForADiagnosis() {
        return diagnosisCodes.stream().map(String::toUpperCase)
                .anyMatch(d -> certifiedDiseases.stream().map(String::toUpperCase).anyMatch(d::startsWith));
    }
}
