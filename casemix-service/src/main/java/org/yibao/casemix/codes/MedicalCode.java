package org.yibao.casemix.codes;

/**
 * A diagnosis (ICD-10, insurance edition) or procedure (ICD-9-CM-3, insurance edition) code and what quality control
 * checks of it.
 *
 * @param sex         'F' or 'M' when the code is for one sex only, else null
 * @param minAge      the youngest age in whole years it fits, or null
 * @param maxAge      the oldest age in whole years it fits (0: a newborn), or null
 * @param mainAllowed whether it may be an inpatient stay's main diagnosis (procedures: always true)
 */
public record MedicalCode(String code, String name, Character sex, Integer minAge, Integer maxAge, boolean mainAllowed) {

    /** The ICD-10 category (类目, the first three characters: K35 of K35.800), or a procedure's first four (47.0 of 47.0100). */
    public String category() {
        return code.length() >= 4 && code.charAt(2) == '.' ? code.substring(0, 4) : code.substring(0, Math.min(3, code.length()));
    }
}
