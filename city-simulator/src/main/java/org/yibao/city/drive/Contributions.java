package org.yibao.city.drive;

import org.yibao.city.model.Benefits;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Person;
import org.yibao.city.model.Roster;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bureau's side of personal accounts (ADR 0020): it posts the year's contributions month by month — all the
 * months up to the simulation's last day at once, ahead of the year's bills (the city's year is simulated after
 * the fact, so every month's credit is in the accounts before its first bill; the simulator's own accounts are
 * credited the same way) —, registers the family bindings (家庭共济) from the first day of the year, as if the
 * families had applied then, and reads the accounts' balances and the funds' income report.
 */
public final class Contributions {

    static final String POST = "POST /api/enrollment/contributions/{month}/postings";
    static final String BIND = "POST /api/settlement/accounts/{holderId}/family-bindings";
    static final String BALANCE = "GET /api/settlement/accounts/{personId}";

    /** What the postings answered, summed over the months. */
    public record Posted(List<String> months, long employeesPosted, long residentsPosted, long withoutWageBase, long withoutRates,
                         Money employerContributions, Money individualContributions, Money toAccounts) {
    }

    /** The income report's employee figures over the year (ADR 0020): credits to accounts and the accounts' spending. */
    public record Income(Money toAccounts, Money accountSpending, Money employerContributions, Money individualContributions) {

        public Income minus(Income before) {
            return new Income(toAccounts.minus(before.toAccounts), accountSpending.minus(before.accountSpending),
                    employerContributions.minus(before.employerContributions),
                    individualContributions.minus(before.individualContributions));
        }
    }

    private final Gateway gateway;
    private final CityParameters city;

    public Contributions(Gateway gateway, CityParameters city) {
        this.gateway = gateway;
        this.city = city;
    }

    /** The months of the simulated year up to its last day. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(city.firstDay()); !m.isAfter(YearMonth.from(city.lastDay())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** Posts every month of the year up to the last day, in order (a month posted already posts nobody again). */
    public Posted post() {
        List<String> names = new ArrayList<>();
        long employees = 0, residents = 0, without = 0, noRates = 0;
        Money employer = Money.ZERO, individual = Money.ZERO, toAccounts = Money.ZERO;
        for (YearMonth m : months()) {
            JsonNode r = Json.read(Setup.expect(gateway.postJson(Setup.BUREAU, POST, "/api/enrollment/contributions/" + m + "/postings",
                    "{}"), "posting " + m).body());
            names.add(m.toString());
            employees += r.path("employeesPosted").asLong();
            residents += r.path("residentsPosted").asLong();
            without += r.path("withoutWageBase").asLong();
            noRates += r.path("withoutRates").asLong();
            employer = employer.plus(Json.money(r.get("employerContributions")));
            individual = individual.plus(Json.money(r.get("individualContributions")));
            toAccounts = toAccounts.plus(Json.money(r.get("toAccounts")));
        }
        return new Posted(names, employees, residents, without, noRates, employer, individual, toAccounts);
    }

    /** Registers each family binding the city has, valid from the first day of the year; answers how many (409: bound before). */
    public Map<String, Long> bind(CityGenerator generator) {
        Benefits benefits = new Benefits(generator);
        Map<String, Long> outcome = new TreeMap<>();
        for (int i = 0; i < city.persons(); i++) {
            Person holder = generator.person(i);
            Person member = benefits.memberOf(holder);
            if (member == null) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("memberId", member.id().value());
            body.put("relationship", Benefits.relationship(holder, member));
            body.put("validFrom", city.firstDay().toString());
            Gateway.Response r = gateway.postJson(Setup.BUREAU, BIND, "/api/settlement/accounts/" + holder.id().value()
                    + "/family-bindings", Json.write(body));
            if (r.status() == 409) {
                outcome.merge("bound by an earlier run", 1L, Long::sum);
            } else {
                Setup.expect(r, "family binding of " + member.id().value() + " to " + holder.id().value());
                outcome.merge(Benefits.relationship(holder, member), 1L, Long::sum);
            }
        }
        return outcome;
    }

    /** Each holder's balance as settlement keeps it (zero when settlement has opened no account). */
    public Map<String, Money> balances(Collection<String> holders) {
        Map<String, Money> out = new TreeMap<>();
        for (String holder : holders) {
            Gateway.Response r = gateway.get(Setup.BUREAU, BALANCE, "/api/settlement/accounts/" + holder);
            if (r.status() == 404) {
                out.put(holder, Money.ZERO);
                continue;
            }
            out.put(holder, Json.money(Json.read(Setup.expect(r, "balance of " + holder).body()).get("balance")));
        }
        return out;
    }

    /** The income report of the city's region and year, its months summed. */
    public static Income income(Gateway gateway, int year) {
        JsonNode report = Json.read(gateway.read(Setup.BUREAU, "GET /api/settlement/reports/{year}/income",
                "/api/settlement/reports/" + year + "/income?region=" + Roster.CITY));
        Money toAccounts = Money.ZERO, spending = Money.ZERO, employer = Money.ZERO, individual = Money.ZERO;
        for (JsonNode m : report.path("months")) {
            toAccounts = toAccounts.plus(Json.money(m.get("toAccounts")));
            spending = spending.plus(Json.money(m.get("accountSpending")));
            employer = employer.plus(Json.money(m.get("employerContributions")));
            individual = individual.plus(Json.money(m.get("individualContributions")));
        }
        return new Income(toAccounts, spending, employer, individual);
    }
}
