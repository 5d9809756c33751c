package org.yibao.city.expect;

import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A long-term care policy file of care-service ({@code care-policies/<region>-<year>.yml}, ADR 0021) and its
 * assessment scale ({@code care-scales/<scale>.yml}), read by the simulator itself, and its own pricing of a
 * beneficiary's month from the files' documented meaning (not from care-service's code): in an institution, days x
 * the level's daily standard; at home, the monthly standard x days / the month's days, half up to the fen; the
 * fund pays the standard amount x the setting's fund ratio, half up to the fen once; the person the rest.
 *
 * @param items  the scale's items and their allowed scores, in the file's order
 * @param bands  the scale's total → care level bands: level by its lowest total, each band {from, to}
 */
public record CarePolicy(String file, String region, int fromYear, Set<CareLevel> eligibleLevels, int validityMonths,
                         BigDecimal institutionRatio, Map<CareLevel, Money> dailyStandard, BigDecimal homeRatio,
                         Map<CareLevel, Money> monthlyStandard, Map<String, List<Integer>> items, List<Band> bands) {

    /** The simulated city's policy (Zhumadian; an ASSUMPTION file, see its header). */
    public static final String CITY = "411700-2021";

    public record Band(int from, int to, CareLevel level) {
    }

    /** A priced month: the standard amount, the fund's part, the person's share. */
    public record Month(int days, Money standardAmount, Money fundPaid, Money personShare) {
    }

    public static CarePolicy city() {
        return of(DataFile.resource("care-policies/" + CITY + ".yml"), DataFile.resource("care-scales/barthel.yml"));
    }

    static CarePolicy of(DataFile policy, DataFile scale) {
        JsonNode p = policy.root;
        policy.only(p, "", "region", "fromYear", "scale", "eligibleLevels", "validityMonths", "reassessmentMonths", "institution", "home");
        Set<CareLevel> eligible = EnumSet.noneOf(CareLevel.class);
        policy.required(p, "", "eligibleLevels").forEach(l -> eligible.add(CareLevel.valueOf(l.asString())));
        JsonNode institution = policy.required(p, "", "institution");
        policy.only(institution, "institution", "fundRatio", "dailyStandard");
        JsonNode home = policy.required(p, "", "home");
        policy.only(home, "home", "fundRatio", "monthlyStandard");

        JsonNode s = scale.root;
        scale.only(s, "", "scale", "items", "levels");
        if (!scale.required(s, "", "scale").asString().equals(policy.required(p, "", "scale").asString())) {
            throw policy.refused("scale", "is not the scale of " + scale.file);
        }
        Map<String, List<Integer>> items = new LinkedHashMap<>();
        for (JsonNode item : scale.required(s, "", "items")) {
            scale.only(item, "items", "item", "term", "scores");
            List<Integer> scores = new ArrayList<>();
            item.get("scores").forEach(n -> scores.add(n.asInt()));
            items.put(item.get("item").asString(), List.copyOf(scores));
        }
        List<Band> bands = new ArrayList<>();
        for (JsonNode band : scale.required(s, "", "levels")) {
            scale.only(band, "levels", "from", "to", "level");
            bands.add(new Band(band.get("from").asInt(), band.get("to").asInt(), CareLevel.valueOf(band.get("level").asString())));
        }
        return new CarePolicy(policy.file, policy.required(p, "", "region").asString(),
                policy.integer(policy.required(p, "", "fromYear"), "fromYear"), eligible,
                policy.integer(policy.required(p, "", "validityMonths"), "validityMonths"),
                policy.ratio(policy.required(institution, "institution", "fundRatio"), "institution.fundRatio"),
                standards(policy, policy.required(institution, "institution", "dailyStandard"), "institution.dailyStandard"),
                policy.ratio(policy.required(home, "home", "fundRatio"), "home.fundRatio"),
                standards(policy, policy.required(home, "home", "monthlyStandard"), "home.monthlyStandard"), items, List.copyOf(bands));
    }

    private static Map<CareLevel, Money> standards(DataFile f, JsonNode node, String path) {
        Map<CareLevel, Money> out = new EnumMap<>(CareLevel.class);
        node.properties().forEach(e -> out.put(CareLevel.valueOf(e.getKey()), f.money(e.getValue(), path + "." + e.getKey())));
        return out;
    }

    /** The level a scale total falls in. */
    public CareLevel level(int total) {
        return bands.stream().filter(b -> total >= b.from() && total <= b.to()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(total + " is in no band of the scale")).level();
    }

    public boolean eligible(CareLevel level) {
        return eligibleLevels.contains(level);
    }

    /** The days {@code from} to {@code to} (inclusive, one month) at one level, priced in the setting. */
    public Month price(CareSetting setting, CareLevel level, LocalDate from, LocalDate to) {
        YearMonth month = YearMonth.from(from);
        if (!YearMonth.from(to).equals(month) || to.isBefore(from)) {
            throw new IllegalArgumentException(from + " to " + to + " is not within one month");
        }
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        Money standard;
        BigDecimal ratio;
        if (setting == CareSetting.INSTITUTION) {
            standard = dailyStandard.get(level).times(BigDecimal.valueOf(days), RoundingMode.HALF_UP);
            ratio = institutionRatio;
        } else {
            // the exact quotient rounded half up to the fen, once
            standard = Money.of(monthlyStandard.get(level).amount().multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(month.lengthOfMonth()), Money.SCALE, RoundingMode.HALF_UP));
            ratio = homeRatio;
        }
        Money fund = standard.times(ratio, RoundingMode.HALF_UP);
        return new Month(days, standard, fund, standard.minus(fund));
    }
}
