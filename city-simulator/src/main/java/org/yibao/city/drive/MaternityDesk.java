package org.yibao.city.drive;

import org.yibao.city.expect.ContributionRates;
import org.yibao.city.expect.Maternity;
import org.yibao.city.model.Benefits;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Person;
import org.yibao.contracts.money.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maternity allowances (生育津贴, ADR 0022): after the year's bills, an enrollment clerk (the bureau) grants each
 * woman who gave birth or miscarried her allowance from her employer's papers: ASSUMPTION, the employer's average
 * monthly contribution wage is her own wage base. The leave days and the amount are the simulator's own, from its
 * reading of the pack's maternityLeave ({@link Maternity}); the platform answers its own amount.
 */
public final class MaternityDesk {

    /** One allowance: what the simulator expected and what settlement granted (null when refused). */
    public record Allowance(String personId, String deliveryKind, int babies, int leaveDays, Money expected, Money granted) {
    }

    /** The fund report's maternity section for the city's region and year, over its schemes. */
    public record Section(long prenatalVisits, Money prenatalPaid, long deliveries, Money deliveryPaid, long allowances,
                          Money allowancesPaid) {

        public Section minus(Section o) {
            return new Section(prenatalVisits - o.prenatalVisits, prenatalPaid.minus(o.prenatalPaid), deliveries - o.deliveries,
                    deliveryPaid.minus(o.deliveryPaid), allowances - o.allowances, allowancesPaid.minus(o.allowancesPaid));
        }
    }

    public static Section section(Gateway gateway, int year) {
        tools.jackson.databind.JsonNode report = Json.read(gateway.read(Setup.BUREAU, "GET /api/settlement/reports/{year}",
                "/api/settlement/reports/" + year + "?region=" + org.yibao.city.model.Roster.CITY));
        Section sum = new Section(0, Money.ZERO, 0, Money.ZERO, 0, Money.ZERO);
        for (tools.jackson.databind.JsonNode m : report.path("maternity")) {
            sum = new Section(sum.prenatalVisits + m.path("prenatalVisits").asLong(), sum.prenatalPaid.plus(Json.money(m.get("prenatalPaid"))),
                    sum.deliveries + m.path("deliveries").asLong(), sum.deliveryPaid.plus(Json.money(m.get("deliveryPaid"))),
                    sum.allowances + m.path("allowances").asLong(), sum.allowancesPaid.plus(Json.money(m.get("allowancesPaid"))));
        }
        return sum;
    }

    private final Gateway gateway;
    private final CityParameters city;

    public MaternityDesk(Gateway gateway, CityParameters city) {
        this.gateway = gateway;
        this.city = city;
    }

    public List<Allowance> grant(CityGenerator generator, ContributionRates rates, Maternity leave, List<String> refusals) {
        Benefits benefits = new Benefits(generator);
        List<Allowance> out = new ArrayList<>();
        for (int i = 0; i < city.persons(); i++) {
            Person p = generator.person(i);
            Benefits.Pregnancy pregnancy = benefits.pregnancy(p);
            if (pregnancy == null) {
                continue;
            }
            Money wage = benefits.wageBase(p, rates.wageBaseFloor(), rates.wageBaseCeiling());
            int days = leave.leaveDays(pregnancy.deliveryKind(), pregnancy.babies());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("personId", p.id().value());
            body.put("deliveryDate", pregnancy.deliveryDate().toString());
            body.put("deliveryKind", pregnancy.deliveryKind());
            body.put("babies", pregnancy.babies());
            body.put("averageMonthlyWage", wage.toString());
            body.put("leaveDays", days);
            Gateway.Response r = gateway.postJson(Setup.BUREAU, "POST /api/settlement/maternity-allowances",
                    "/api/settlement/maternity-allowances", Json.write(body));
            Money granted = null;
            if (r.ok()) {
                granted = Json.money(Json.read(r.body()).get("amount"));
            } else if (r.status() != 409) {
                refusals.add("maternity allowance of " + p.id().value() + ": " + r.status() + " " + r.body());
            }
            out.add(new Allowance(p.id().value(), pregnancy.deliveryKind(), pregnancy.babies(), days, Maternity.allowance(wage, days),
                    granted));
        }
        return out;
    }
}
