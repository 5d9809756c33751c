package org.yibao.enrollment.person;

import org.yibao.contracts.identity.ResidentId;

import java.time.LocalDate;

/**
 * A person as an answer shows them. In lists the id and the name are masked (personal data is shown
 * in full only to a caller who asked for that one person by id).
 */
public record PersonView(String personId, String name, ResidentId.Gender gender, LocalDate birthDate, String regionCode,
                         String householdId, boolean residencePermit) {

    static PersonView full(Person p) {
        return new PersonView(p.id().value(), p.name().orElse(null), p.gender(), p.birthDate(), p.regionCode(),
                p.householdId().orElse(null), p.residencePermit());
    }

    static PersonView masked(Person p) {
        return new PersonView(p.id().masked(), p.name().map(PersonView::maskName).orElse(null), p.gender(), null,
                p.regionCode(), p.householdId().orElse(null), p.residencePermit());
    }

    /** 张三丰 -> 张** : the family name stays, the given name is hidden. */
    static String maskName(String name) {
        // by code point: a name may begin with a character outside the basic plane (𡒄), two chars in Java
        if (name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
