package org.yibao.city;

import org.junit.jupiter.api.Test;
import org.yibao.city.expect.CarePolicy;
import org.yibao.city.expect.ContributionRates;
import org.yibao.city.model.Benefits;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Person;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22's part of the city (the city of CitySimulationIT: seed 7, 600 persons, a year to 30 November): wage bases
 * within the rates file, families bound one to one, pregnancies and care applications the platform will accept.
 */
class BenefitsTest {

    private final CityGenerator generator = new CityGenerator(CityParameters.ofThisYear(7, 600, 0.04, LocalDate.of(2026, 12, 1)));
    private final Benefits benefits = new Benefits(generator);
    private final ContributionRates rates = ContributionRates.city(2026);

    @Test
    void everyActiveEmployeeHasAWageBaseTheRatesFileAdmitsAndNobodyElseHasOne() {
        List<Money> bases = new ArrayList<>();
        generator.persons().forEach(p -> {
            Money base = benefits.wageBase(p, rates.wageBaseFloor(), rates.wageBaseCeiling());
            if (p.type() == PersonType.EMPLOYEE_ACTIVE) {
                assertThat(rates.admits(base)).as("%s", base).isTrue();
                assertThat(base.amount().remainder(java.math.BigDecimal.TEN).signum()).isZero();
                bases.add(base);
            } else {
                assertThat(base).isNull();
            }
        });
        assertThat(bases).hasSizeGreaterThan(10);
        assertThat(bases.stream().distinct().count()).as("spread over the range").isGreaterThan(bases.size() / 2);
    }

    @Test
    void aBoundMemberIsAnEnrolledResidentWithExactlyOneHolderWhoseAccountPaysTheirBills() {
        int families = 0;
        for (int i = 0; i < 600; i++) {
            Person p = generator.person(i);
            Person member = benefits.memberOf(p);
            if (member == null) {
                continue;
            }
            families++;
            assertThat(p.scheme()).isEqualTo(Scheme.EMPLOYEE);
            assertThat(member.scheme()).isEqualTo(Scheme.RESIDENT);
            assertThat(member.enrolled()).isTrue();
            assertThat(benefits.holderOf(member)).isEqualTo(p);
            assertThat(benefits.payer(member)).isEqualTo(p);
            assertThat(benefits.payer(p)).isEqualTo(p);
        }
        assertThat(families).isPositive();
        // nobody else is anybody's member
        generator.persons().filter(p -> benefits.holderOf(p) != null)
                .forEach(p -> assertThat(benefits.memberOf(benefits.holderOf(p))).isEqualTo(p));
    }

    @Test
    void aPregnancysBillsFallInTheYearOnDaysOfTheirOwnAndItsDeliveryStatesItsKind() {
        // a larger city than the CI one (seed 11, 2,000 persons, where an earlier reading let a delivery fall inside
        // another stay of the same woman: the audit blocked the stay as two places at once)
        CityGenerator generator = new CityGenerator(CityParameters.ofThisYear(11, 2000, 0.01, LocalDate.of(2026, 12, 1)));
        Benefits benefits = new Benefits(generator);
        int pregnancies = 0;
        for (int i = 0; i < 2000; i++) {
            Person p = generator.person(i);
            Benefits.Pregnancy pregnancy = benefits.pregnancy(p);
            if (pregnancy == null) {
                continue;
            }
            pregnancies++;
            assertThat(p.id().gender()).isEqualTo(org.yibao.contracts.identity.ResidentId.Gender.FEMALE);
            List<Encounter> bills = pregnancy.bills();
            Encounter delivery = bills.get(bills.size() - 1);
            assertThat(delivery.visitType()).isEqualTo(VisitType.DELIVERY);
            assertThat(delivery.facts().deliveryKind()).isEqualTo(pregnancy.deliveryKind());
            assertThat(delivery.facts().admittedAt().toLocalDate()).isEqualTo(pregnancy.deliveryDate());
            assertThat(delivery.date()).isBeforeOrEqualTo(generator.parameters().lastDay());
            assertThat(bills.subList(0, bills.size() - 1)).allSatisfy(b -> assertThat(b.visitType()).isEqualTo(VisitType.PRENATAL_CARE));
            assertThat(bills.get(0).date()).isAfterOrEqualTo(generator.parameters().firstDay());
            // no other bill of hers, nor any day of another stay, from the first prenatal visit to the discharge
            LocalDate first = bills.get(0).date();
            for (Encounter other : generator.encounters(p)) {
                LocalDate from = other.facts().admittedAt() != null ? other.facts().admittedAt().toLocalDate() : other.date();
                assertThat(other.date().isBefore(first) || from.isAfter(delivery.date())).as("%s %s..%s", other.visitType(), from,
                        other.date()).isTrue();
            }
        }
        assertThat(pregnancies).isPositive();
    }

    @Test
    void careApplicationsAreOfTheElderlyAndTheirScoresAreOnTheScale() {
        CarePolicy policy = CarePolicy.city();
        int applications = 0;
        for (int i = 0; i < 600; i++) {
            Person p = generator.person(i);
            Benefits.CarePlan plan = benefits.care(p);
            if (plan == null) {
                continue;
            }
            applications++;
            assertThat(p.age()).isGreaterThanOrEqualTo(70);
            assertThat(plan.assessedOn()).isAfter(plan.appliedOn()).isBeforeOrEqualTo(generator.parameters().lastDay());
            assertThat(policy.level(plan.barthelTotal())).isNotNull();
            assertThat(plan.institution() == null).isEqualTo(plan.setting() == org.yibao.contracts.events.CareSetting.HOME);
        }
        assertThat(applications).isPositive();
    }
}
