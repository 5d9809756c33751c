package org.yibao.enrollment.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yibao.contracts.identity.ResidentId;

/**
 * Registers a person (参保登记的人员信息).
 *
 * @param regionCode       where the person lives and enrolls; may differ from the id's region (a
 *                         residence-permit holder enrolls where they live)
 * @param residencePermit whether the person enrolls on a residence permit (居住证)
 */
public record RegisterPersonRequest(
        @NotNull ResidentId personId,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit administrative division code") String regionCode,
        @Size(max = 40) String householdId,
        Boolean residencePermit) {

    public boolean onResidencePermit() {
        return Boolean.TRUE.equals(residencePermit);
    }
}
