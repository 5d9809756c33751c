package org.yibao.settlement.catalog;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restricted-payment conditions (限定支付范围) as the national catalog words them, each at its boundary. */
class RestrictionTest {

    private static Restriction.Context context(VisitType visit, InstitutionLevel level, PersonType person, List<String> diagnoses,
                                               String quantity) {
        return new Restriction.Context(visit, level, person, diagnoses, new BigDecimal(quantity));
    }

    private static final Restriction.Context OUTPATIENT_LEVEL_1 = context(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_1,
            PersonType.EMPLOYEE_ACTIVE, List.of("J18.9"), "30");

    @Test
    void onlyForListedDiagnosesByIcd10Prefix() {
        Restriction hypertension = new Restriction(Restriction.Kind.DIAGNOSES, "I10, I11,i15", "限高血压");

        assertThat(hypertension.allows(OUTPATIENT_LEVEL_1)).isFalse();
        assertThat(hypertension.allows(context(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_1, PersonType.RESIDENT,
                List.of("J18.9", "i15.001"), "1"))).isTrue();
    }

    @Test
    void onlyAtALevelOrAboveAndNeverUngraded() {
        Restriction levelTwo = new Restriction(Restriction.Kind.MIN_LEVEL, "LEVEL_2", "限二级及以上医疗机构");

        assertThat(levelTwo.allows(OUTPATIENT_LEVEL_1)).isFalse();
        assertThat(levelTwo.allows(context(VisitType.INPATIENT, InstitutionLevel.LEVEL_2, PersonType.RESIDENT, List.of(), "1"))).isTrue();
        assertThat(levelTwo.allows(context(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, PersonType.RESIDENT, List.of(), "1"))).isTrue();
        assertThat(levelTwo.allows(context(VisitType.PHARMACY, InstitutionLevel.UNGRADED, PersonType.RESIDENT, List.of(), "1"))).isFalse();
    }

    @Test
    void onlyForRetireesOnlyInpatient() {
        Restriction retirees = new Restriction(Restriction.Kind.RETIREES_ONLY, null, "限退休人员");
        Restriction inpatient = new Restriction(Restriction.Kind.INPATIENT_ONLY, null, "限住院");

        assertThat(retirees.allows(OUTPATIENT_LEVEL_1)).isFalse();
        assertThat(retirees.allows(context(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_1, PersonType.EMPLOYEE_RETIRED,
                List.of(), "1"))).isTrue();
        assertThat(inpatient.allows(OUTPATIENT_LEVEL_1)).isFalse();
        assertThat(inpatient.allows(context(VisitType.INPATIENT, InstitutionLevel.LEVEL_1, PersonType.RESIDENT, List.of(), "1"))).isTrue();
        // a delivery's stay (分娩住院) is a stay: its inpatient-only items stay in policy scope (a review found them self-paid)
        assertThat(inpatient.allows(context(VisitType.DELIVERY, InstitutionLevel.LEVEL_2, PersonType.EMPLOYEE_ACTIVE, List.of(),
                "1"))).isTrue();
        assertThat(inpatient.allows(context(VisitType.PRENATAL_CARE, InstitutionLevel.LEVEL_2, PersonType.EMPLOYEE_ACTIVE,
                List.of(), "1"))).isFalse();
    }

    @Test
    void atMostSoManyDaysSupplyOnOneBill() {
        // two tablets a day for 15 days: 30 tablets are paid, 30.5 are not
        Restriction fifteenDays = new Restriction(Restriction.Kind.MAX_DAYS_SUPPLY, "2,15", "限15日用量");

        assertThat(fifteenDays.allows(OUTPATIENT_LEVEL_1)).isTrue();
        assertThat(fifteenDays.allows(context(VisitType.PHARMACY, InstitutionLevel.UNGRADED, PersonType.RESIDENT, List.of(),
                "30.5"))).isFalse();
    }

    @Test
    void aConditionThatCannotBeCheckedIsRefusedWhenRead() {
        assertThatThrownBy(() -> new Restriction(Restriction.Kind.DIAGNOSES, " , ", "限")).hasMessageContaining("ICD-10");
        assertThatThrownBy(() -> new Restriction(Restriction.Kind.MAX_DAYS_SUPPLY, "30", "限")).hasMessageContaining("units a day,days");
        assertThatThrownBy(() -> new Restriction(Restriction.Kind.MIN_LEVEL, "LEVEL_9", "限")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntrysCeilingAtALevelIsItsOwnWhereTheCatalogGivesOne() {
        CatalogItem stent = new CatalogItem("C0001", "药物洗脱支架", ItemCategory.CONSUMABLE, ItemClass.B, Optional.of(Money.of("800.00")),
                true, Optional.of(new BigDecimal("0.10")), Map.of(InstitutionLevel.LEVEL_3, Money.of("900.00")), List.of());

        assertThat(stent.ceilingAt(InstitutionLevel.LEVEL_3)).hasValue(Money.of("900.00"));
        assertThat(stent.ceilingAt(InstitutionLevel.LEVEL_2)).hasValue(Money.of("800.00"));
        assertThat(stent.unmet(OUTPATIENT_LEVEL_1)).isEmpty();
    }
}
