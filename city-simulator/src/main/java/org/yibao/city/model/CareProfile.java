package org.yibao.city.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the generated city's people are and how they use care: the knobs a calibrated city (issue 28,
 * {@code org.yibao.city.calibration}) sets from its parameter file. {@link #DEFAULT} is the generator's own city,
 * exactly as it was before the knobs existed (its numbers are the former constants: the Zhumadian seed's 7.2%
 * low-income and ~6.7% employees, the rest ASSUMPTIONs of a plausible prefecture-level city).
 *
 * @param population who the persons are
 * @param care       how often and where they are treated, and what a bill holds beyond the sample items
 */
public record CareProfile(Population population, Care care) {

    /** The generator's city as it always was. */
    public static final CareProfile DEFAULT = new CareProfile(
            new Population(0.10, 0.07, 0.035,
                    new CategoryShares(0.006, 0.024, 0.030, 0.005, 0.005, 0.002),
                    new ChronicShares(0.004, 0.126, 0.06)),
            new Care(new Rates(2.0, 0.8, 1.5), new Rates(0.3, 0.8, 0.8), new Rates(0.08, 0.08, 0.22), 0.15,
                    new LevelShares(0.30, 0.25, 0.30, 0.15), new LevelShares(0.0, 0.2, 0.4, 0.4),
                    0.5, 0.15, 0.05, 0.12, 0.1, StayExtras.NONE, PerVisit.NONE, PerVisit.NONE));

    public CareProfile {
        if (population == null || care == null) {
            throw new IllegalArgumentException("a care profile needs its population and its care");
        }
    }

    /**
     * @param employeeActiveShare  share of persons aged 18-59 insured as active employees (职工在职), 0-1
     * @param employeeRetiredShare share of persons aged 60+ insured as retired employees (职工退休), 0-1
     * @param notEnrolledShare     share of the non-low-income who do not enroll this year, 0-1
     * @param categories           residents' assistance identities, shares of residents
     * @param chronic              certified chronic diseases, shares of enrolled persons aged 40+
     */
    public record Population(double employeeActiveShare, double employeeRetiredShare, double notEnrolledShare,
                             CategoryShares categories, ChronicShares chronic) {
    }

    /**
     * Shares of residents (0-1) by assistance identity, drawn in this order; the rest have none.
     *
     * @param extremePoverty        特困供养
     * @param minimumLiving         低保
     * @param liftedOutOfPoverty    脱贫人口
     * @param liftedUnstable        脱贫不稳定
     * @param povertyMonitored      易返贫致贫监测
     * @param minimumLivingMarginal 低保边缘
     */
    public record CategoryShares(double extremePoverty, double minimumLiving, double liftedOutOfPoverty, double liftedUnstable,
                                 double povertyMonitored, double minimumLivingMarginal) {

        /** The upper bounds of each category's draw, summed exactly in decimal (so 0.006 + 0.024 is 0.030). */
        List<Double> bounds() {
            return cumulative(extremePoverty, minimumLiving, liftedOutOfPoverty, liftedUnstable, povertyMonitored, minimumLivingMarginal);
        }
    }

    /** Shares (0-1) of enrolled persons aged 40+ certified for renal failure (N18), hypertension (I10), diabetes (E11). */
    public record ChronicShares(double renalFailure, double hypertension, double diabetes) {

        List<Double> bounds() {
            return cumulative(renalFailure, hypertension, diabetes);
        }
    }

    /** A yearly rate (visits or admissions a person a year) for children (under 6; under 18 for pharmacies), adults, persons aged 60+. */
    public record Rates(double children, double adults, double elderly) {
    }

    /** Shares (0-1) of visits by institution level, drawn in the order community, level 1, level 2, level 3. */
    public record LevelShares(double community, double level1, double level2, double level3) {

        List<Double> bounds() {
            return cumulative(community, level1, level2, level3);
        }
    }

    /**
     * @param outpatient        general outpatient visits a person a year (children under 6, adults, 60+)
     * @param pharmacy          pharmacy purchases a person a year (under 18, adults, 60+)
     * @param admission         the yearly chance of a stay (children and adults under 60 alike, 60+)
     * @param secondStay        the chance of a second, unrelated stay after a first
     * @param outpatientLevels  where general outpatient visits are made
     * @param inpatientLevels   where stays are (community is not drawn: stays are at level 1-3)
     * @param bloodTest         the share of outpatient visits with a blood test
     * @param ct                the share of outpatient visits with a CT scan
     * @param selfPaidDrug      the share of outpatient visits with a class 丙 (self-paid) drug
     * @param lungCancer        the share of stays of persons aged 50+ for lung cancer with a drug off the catalog
     * @param specialBed        the share of stays in a class 丙 special ward
     * @param stay              what a stay holds by the day beyond the sample items (none in the default city)
     * @param outpatientExtras  what a general outpatient visit holds beyond the sample items, by level (none by default)
     * @param chronicExtras     what a chronic follow-up holds beyond the sample items, by level (none by default)
     */
    public record Care(Rates outpatient, Rates pharmacy, Rates admission, double secondStay, LevelShares outpatientLevels,
                       LevelShares inpatientLevels, double bloodTest, double ct, double selfPaidDrug, double lungCancer,
                       double specialBed, StayExtras stay, PerVisit outpatientExtras, PerVisit chronicExtras) {
    }

    /**
     * What a day of a stay costs beyond the sample items (bed, tests, CT, infusions, the diagnosis's drugs), in yuan a
     * day by the hospital's level: nursing, treatment and examinations of class 甲, drugs and materials of class 乙, and
     * what the person pays in full (class 丙 and off the catalog). Zero adds nothing.
     */
    public record StayExtras(ByLevel classA, ByLevel classB, ByLevel classC) {

        public static final StayExtras NONE = new StayExtras(ByLevel.ZERO, ByLevel.ZERO, ByLevel.ZERO);

        boolean none() {
            return classA.zero() && classB.zero() && classC.zero();
        }
    }

    /** What a visit costs beyond the sample items, in yuan a visit by level, of class 甲, 乙 and 丙. */
    public record PerVisit(ByLevel classA, ByLevel classB, ByLevel classC) {

        public static final PerVisit NONE = new PerVisit(ByLevel.ZERO, ByLevel.ZERO, ByLevel.ZERO);

        boolean none() {
            return classA.zero() && classB.zero() && classC.zero();
        }
    }

    /** An amount in yuan (2 decimals at most) by institution level; ungraded (pharmacies) and community as written. */
    public record ByLevel(BigDecimal community, BigDecimal level1, BigDecimal level2, BigDecimal level3) {

        public static final ByLevel ZERO = new ByLevel(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public BigDecimal at(org.yibao.contracts.events.InstitutionLevel level) {
            return switch (level) {
                case COMMUNITY, UNGRADED -> community;
                case LEVEL_1 -> level1;
                case LEVEL_2 -> level2;
                case LEVEL_3 -> level3;
            };
        }

        boolean zero() {
            return community.signum() == 0 && level1.signum() == 0 && level2.signum() == 0 && level3.signum() == 0;
        }
    }

    private static List<Double> cumulative(double... shares) {
        BigDecimal sum = BigDecimal.ZERO;
        List<Double> bounds = new java.util.ArrayList<>();
        for (double s : shares) {
            sum = sum.add(BigDecimal.valueOf(s));
            bounds.add(sum.doubleValue());
        }
        return List.copyOf(bounds);
    }
}
