package org.yibao.casemix.codes;

import java.util.List;

/** A code table file ({@code code-tables/*.yml}) as written; {@link CodeTables} validates it. */
record CodeFile(String edition, CodeTables.Kind kind, List<Entry> codes) {

    /**
     * One code.
     *
     * @param sex         F or M when the code is for one sex only
     * @param minAge      the youngest age in years the code fits (inclusive)
     * @param maxAge      the oldest (inclusive; 0 for a newborn's code)
     * @param mainAllowed false when the code may not be an inpatient stay's main diagnosis (default true)
     */
    record Entry(String code, String name, String sex, Integer minAge, Integer maxAge, Boolean mainAllowed) {
    }
}
