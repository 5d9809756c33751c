package org.yibao.city.model;

import java.time.LocalDate;

/**
 * What city to build: everything it holds follows from these, so the same parameters give the same
 * city, person for person and bill for bill.
 *
 * @param seed       the generator's seed
 * @param persons    the registered population (户籍人口) to generate
 * @param year       the insurance year simulated
 * @param lastDay    the last day encounters happen on (the platform refuses bills dated in the future)
 * @param fraudShare the share of persons around whom one of the original fraud patterns is planted; twice that share
 *                   each gets one of the patterns from practice or one of the clean look-alikes (issue 21)
 */
public record CityParameters(long seed, int persons, int year, LocalDate lastDay, double fraudShare) {

    public CityParameters {
        if (persons < 1) {
            throw new IllegalArgumentException("persons must be 1 or more, was " + persons);
        }
        if (lastDay.getYear() != year) {
            throw new IllegalArgumentException("lastDay " + lastDay + " must fall in the year " + year);
        }
        if (fraudShare < 0 || fraudShare > 0.5) {
            throw new IllegalArgumentException("fraudShare must be between 0 and 0.5, was " + fraudShare);
        }
    }

    /** The current year up to yesterday (today on the first of January). */
    public static CityParameters ofThisYear(long seed, int persons, double fraudShare, LocalDate today) {
        LocalDate last = today.getDayOfYear() == 1 ? today : today.minusDays(1);
        return new CityParameters(seed, persons, today.getYear(), last, fraudShare);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 1, 1);
    }

    /** How many days of the year the simulation covers. */
    public int days() {
        return (int) (lastDay.toEpochDay() - firstDay().toEpochDay()) + 1;
    }
}
