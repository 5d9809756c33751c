package org.yibao.supervision.institution;

import java.util.List;

/** One page of an institution search, and how many institutions the search finds in all. */
public record InstitutionPage(List<Institution> institutions, long total) {
}
