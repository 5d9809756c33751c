package org.yibao.enrollment.importing;

/** A person and a year: what an enrollment is unique by (one basic scheme per person and year, 参保唯一). */
record PersonYear(String personId, int year) {
}
