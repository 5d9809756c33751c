package org.yibao.settlement.maternity;

import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.settlement.readmodel.Enrollment;
import org.yibao.web.problem.InvalidRequestException;

import java.time.LocalDate;

/**
 * Who maternity insurance (生育保险) covers: a woman enrolled as an active employee on the day (生育保险随职工基本医疗保险
 * 参保; a retired employee contributes to neither and has no maternity cover — the packs pay prenatal care to active
 * employees only). Checked for a prenatal visit, a delivery and the maternity allowance alike.
 */
public final class MaternityCover {

    private MaternityCover() {
    }

    /**
     * @throws InvalidRequestException (400) naming {@code personId}: the resident id is a man's (its 17th digit is odd),
     *                                 or the person is not an active employee on the day
     */
    public static void require(ResidentId person, Enrollment enrollment, LocalDate day) {
        if (person.gender() != ResidentId.Gender.FEMALE) {
            throw new InvalidRequestException("personId", "is a man's resident id (its 17th digit is odd); maternity insurance"
                    + " pays a woman's prenatal care, delivery and allowance");
        }
        if (enrollment.scheme() != Scheme.EMPLOYEE || enrollment.personType() != PersonType.EMPLOYEE_ACTIVE) {
            throw new InvalidRequestException("personId", "is enrolled as " + enrollment.personType() + " on " + day
                    + "; maternity insurance (生育保险) covers active employees");
        }
    }
}
