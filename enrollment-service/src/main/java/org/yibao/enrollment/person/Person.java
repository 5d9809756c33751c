package org.yibao.enrollment.person;

import org.yibao.contracts.identity.ResidentId;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A person the bureau knows. Birth date and gender are read from the resident id; the name is empty
 * for someone known only from an assistance identity feed until they are registered.
 */
public record Person(ResidentId id, Optional<String> name, ResidentId.Gender gender, LocalDate birthDate,
                     String regionCode, Optional<String> householdId, boolean residencePermit) {
}
