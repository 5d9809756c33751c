package org.yibao.city.model;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;

/**
 * One registered resident of the simulated city.
 *
 * @param enrolled      whether they enroll this year (the rest make the coverage gap)
 * @param category      their assistance identity, or null
 * @param chronic       the chronic disease certified for outpatient care (ICD-10), or null
 * @param chronicCentre the hospital that applies for and treats their chronic disease
 * @param diedOn        the day they die this year, or null
 * @param householdIncome for low-income people, the household's yearly income the assistance office
 *                        records (the poverty-risk warning compares medical spending with it), or null
 */
public record Person(int index, ResidentId id, String name, String county, int age, Scheme scheme, PersonType type,
                     EmploymentTier tier, boolean enrolled, AssistanceCategory category, Chronic chronic,
                     Institution chronicCentre, LocalDate diedOn, Money householdIncome) {

    /** The chronic diseases of the simulated city's certified outpatients. */
    public enum Chronic {
        HYPERTENSION("I10", "原发性高血压"),
        DIABETES("E11", "2型糖尿病"),
        RENAL_FAILURE("N18", "慢性肾衰竭");

        public final String icd10;
        public final String label;

        Chronic(String icd10, String label) {
            this.icd10 = icd10;
            this.label = label;
        }
    }

    public boolean lowIncome() {
        return category != null;
    }
}
