package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * Everything the one-stop calculation needs about one encounter, already resolved from the read
 * models: who (person type, assistance category), where (institution level), what (priced lines).
 *
 * @param personalAccountAvailable how much the person's account may pay towards this bill (zero
 *                                  for residents, or when the person does not ask for it)
 */
public record Claim(
        VisitType visitType,
        InstitutionLevel institutionLevel,
        PersonType personType,
        Optional<AssistanceCategory> assistanceCategory,
        List<BillLine> lines,
        Money personalAccountAvailable) {

    public Claim {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a claim needs at least one line");
        }
        if (personalAccountAvailable.isNegative()) {
            throw new IllegalArgumentException("personal account available must not be negative");
        }
    }
}
