package org.yibao.settlement.maternity;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.settlement.readmodel.Enrollment;
import org.yibao.web.problem.InvalidRequestException;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Maternity insurance covers a woman enrolled as an active employee (a review found retirees and men paid). */
class MaternityCoverTest {

    private static final LocalDate DAY = LocalDate.of(2026, 5, 10);

    @Test
    void anActiveEmployeeWomanIsCoveredAMansIdOrARetireeIsRefusedNamingPersonId() {
        ResidentId woman = id("411702199203030", "02");  // 17th digit 2: a woman
        ResidentId man = id("411702199203030", "13");    // 17th digit 3: a man

        assertThatCode(() -> MaternityCover.require(woman, enrolled(woman, PersonType.EMPLOYEE_ACTIVE), DAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MaternityCover.require(man, enrolled(man, PersonType.EMPLOYEE_ACTIVE), DAY))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.problems().get(0).field()).isEqualTo("personId"));
        assertThatThrownBy(() -> MaternityCover.require(woman, enrolled(woman, PersonType.EMPLOYEE_RETIRED), DAY))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.getMessage()).contains("EMPLOYEE_RETIRED"));
    }

    private static ResidentId id(String first15, String digits16And17) {
        String first17 = first15 + digits16And17;
        return ResidentId.of(first17 + ResidentId.checkCharacter(first17));
    }

    private static Enrollment enrolled(ResidentId person, PersonType type) {
        return new Enrollment(person.value(), 2026, Scheme.EMPLOYEE, type, Optional.of(EmploymentTier.EMPLOYER), "411700",
                EnrollmentStatus.ACTIVE, LocalDate.of(2026, 1, 1));
    }
}
