package org.yibao.enrollment.person;

import java.util.List;

/** One page of a person search, and how many persons the search finds in all. */
public record PersonSearchPage(List<PersonView> persons, long total) {
}
