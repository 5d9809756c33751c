package org.yibao.city.calibration;

import org.yibao.city.model.CareProfile;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A calibrated city's parameter file (issue 28): what one seed city differs by, bound by Jackson from
 * {@code calibration/cities/<city>.yml} and checked by {@link CityFiles} (unknown keys refused, every refusal naming the
 * field). A new city is a new file.
 *
 * @param city       the file's id, as its name ({@code hohhot-2022})
 * @param name       the city's name (地名), as the seed writes it
 * @param regionCode the pooling region's division code (统筹区划代码) the packs are for; the generated persons and
 *                   institutions are relabelled to it (the roster's shape is Zhumadian's, see docs/calibration.md)
 * @param year       the insurance year simulated
 * @param seedFile   the seed report the outcomes come from ({@code seeds/<file>.txt} under ../shared)
 * @param packs      the policy packs in force
 * @param population who the persons are ({@link CareProfile.Population})
 * @param care       how they use care ({@link CareProfile.Care})
 * @param why        a sentence for each knob set away from the default city's value, by its path
 *                   ({@code care.stay.classA}, or a parent path covering all beneath it): why the value is plausible
 * @param outcomes   the seed's published outcomes the city is held to
 */
public record CityFile(String city, String name, String regionCode, Integer year, String seedFile, List<Pack> packs,
                       CareProfile.Population population, CareProfile.Care care, Map<String, String> why, List<Outcome> outcomes) {

    /**
     * A pack in force.
     *
     * @param id       the pack's id: settlement-service's {@code policy-packs/<id>.yml}, or with {@code proposed} this
     *                 module's {@code calibration/packs/<id>.yml}
     * @param proposed a pack the platform does not ship, written for calibration where the city has none (every
     *                 number in it an ASSUMPTION, docs/calibration.md)
     */
    public record Pack(String id, Boolean proposed) {

        public boolean isProposed() {
            return Boolean.TRUE.equals(proposed);
        }
    }

    /** How an outcome is measured over the simulated year. */
    public enum Metric {
        /** 政策范围内报销比例: the counted funds over the bills' policy-scope cost, % */
        POLICY_SCOPE_RATIO,
        /** 实际报销比例: the counted funds over the bills' total cost, % */
        ACTUAL_RATIO,
        /** enrolled persons in the scope over all enrolled persons, % */
        SHARE_OF_ENROLLED,
        /** the counted funds over the enrolled persons of the scope's schemes and categories, yuan a person */
        FUND_PER_ENROLLEE,
        /** the bills' total cost over their number, yuan a bill */
        COST_PER_BILL,
        /** bills over the enrolled persons of the scope's schemes and categories, bills a person */
        BILLS_PER_ENROLLEE,
        /** the counted funds over the bills they paid something on (a person-time, 人次), yuan */
        FUND_PER_PAID_BILL,
        /** what the simulator does not model: no simulated figure, the gap explained */
        NOT_MODELLED
    }

    /** A one-stop bill's payers that an outcome may count. */
    public enum Fund {
        /** 基本医保统筹基金 */
        BASIC,
        /** 大病保险 */
        CATASTROPHIC,
        /** 补充保险 (职工高额补充, 困难群众大病补充) */
        SUPPLEMENTARY,
        /** 医疗救助 */
        ASSISTANCE
    }

    /**
     * One published outcome.
     *
     * @param id        short id ({@code resident-inpatient-policy-scope})
     * @param label     what the seed calls it
     * @param quote     the seed's sentence (or its figure) the value comes from, verbatim
     * @param seedValue the published figure, in {@code unit}
     * @param unit      PERCENT (points), YUAN or PER_PERSON
     * @param metric    how it is measured
     * @param funds     the payers counted (ratios and yuan of funds)
     * @param fundsWhy  why these payers: the seed's wording
     * @param scope     the bills and persons measured
     * @param tolerance the difference still "within": points for PERCENT (default 3), a share of the seed's figure for
     *                  the others (default 0.10)
     * @param gap       when the model cannot honestly reach the figure, why; null when it should
     */
    public record Outcome(String id, String label, String quote, BigDecimal seedValue, Unit unit, Metric metric, List<Fund> funds,
                          String fundsWhy, Scope scope, BigDecimal tolerance, String gap) {
    }

    public enum Unit { PERCENT, YUAN, PER_PERSON }

    /**
     * The bills (and persons) an outcome is over; an empty list is everyone.
     *
     * @param minTotal a bill's total from (yuan), or null
     * @param maxTotal a bill's total below (yuan), or null
     */
    public record Scope(List<Scheme> schemes, List<VisitType> visitTypes, List<AssistanceCategory> categories, BigDecimal minTotal,
                        BigDecimal maxTotal) {

        public static final Scope EVERYTHING = new Scope(List.of(), List.of(), List.of(), null, null);
    }
}
