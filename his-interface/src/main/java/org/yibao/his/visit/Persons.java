package org.yibao.his.visit;

import org.springframework.stereotype.Component;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.platform.PlatformApis;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.Period;

/**
 * The insured person as a visit records them when it opens (2201, 2401, 2102): their name and national
 * person type in the visit's year, from enrollment-service. A person enrollment does not know is
 * refused naming the field.
 */
@Component
public class Persons {

    private final PlatformApis platform;
    private final NationalCodes codes;

    Persons(PlatformApis platform, NationalCodes codes) {
        this.platform = platform;
        this.codes = codes;
    }

    /** Name (or null) and 人员类别 of a person on a day. */
    public record Insured(String name, String psnType) {
    }

    public Insured on(String personId, LocalDate day, String field) {
        JsonNode person = platform.find("enrollment", "/api/enrollment/persons/" + personId)
                .orElseThrow(() -> HisException.field(field, "no insured person has this id"));
        // the person type of the period in force on the day (an employee who retired since still was active then)
        String personType = "RESIDENT";
        JsonNode periods = platform.find("enrollment", "/api/enrollment/persons/" + personId + "/enrollments/"
                + day.getYear() + "/periods").orElse(null);
        if (periods != null) {
            for (JsonNode p : periods) {
                if (!LocalDate.parse(p.path("validFrom").asString()).isAfter(day)) {
                    personType = p.path("personType").asString();
                }
            }
        }
        LocalDate birth = LocalDate.parse(person.path("birthDate").asString());
        String name = person.path("name").isNull() || person.path("name").isMissingNode() ? null : person.path("name").asString();
        return new Insured(name == null ? null : name.substring(0, Math.min(50, name.length())),
                codes.personType(personType, Period.between(birth, day).getYears()));
    }
}
