package org.yibao.clearing.application;

import org.yibao.contracts.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * A clearing application reconciled against what the platform owes the institution for its month
 * (应付, clearing's owed ledger), amount by amount, in yuan.
 *
 * <p>What is compared (ASSUMPTION, the national spec states the fields, not how the centre checks them):
 * <ul>
 *   <li>{@code fundAmount} (基金申报总额, fund_appy_sum) against what every fund but the personal account owes
 *       the month: basic pooling, catastrophic, supplementary, medical assistance;</li>
 *   <li>{@code accountAmount} (个人账户支出, acct_pay) against what the personal accounts owe it (the layout
 *       states the account apart, and clearing keeps it as its own fund).</li>
 * </ul>
 * The platform owes per institution, month and fund, not per clearing type (a claim's visit type is not kept
 * in owed_entry), so the stated side is the month's applications in force taken together, this one included:
 * an institution that files outpatient and inpatient apart agrees once both are filed. The totals the platform
 * does not keep (medfee_sumamt, med_sumfee, cash_payamt, psntime) are recorded as stated, not reconciled.
 *
 * @param agrees              whether the month's applications state exactly what the platform owes (no difference)
 * @param monthFundStated     fund_appy_sum of the month's applications in force, this one included
 * @param monthAccountStated  acct_pay of the month's applications in force, this one included
 * @param platformFundOwed    what the funds other than the personal account owed the month when it was filed
 * @param platformAccountOwed what the personal accounts owed the month when it was filed
 * @param differences         each amount that differs; empty when the application agrees
 */
public record ApplicationReconciliation(boolean agrees, Money monthFundStated, Money monthAccountStated, Money platformFundOwed,
                                        Money platformAccountOwed, List<Difference> differences) {

    /**
     * One amount that differs.
     *
     * @param amount     the application's amount ({@code fundAmount} or {@code accountAmount})
     * @param stated     the month's applications in force, in yuan
     * @param platform   what the platform owes, in yuan
     * @param difference stated less platform, in yuan (positive: the institution claims more than is owed)
     */
    public record Difference(String amount, Money stated, Money platform, Money difference) {
    }

    public ApplicationReconciliation {
        differences = List.copyOf(differences);
        if (agrees != differences.isEmpty()) {
            throw new IllegalArgumentException("agrees is " + agrees + " with " + differences.size() + " differences");
        }
    }

    /** The reconciliation of these amounts: a difference for each that is not equal to the fen. */
    static ApplicationReconciliation of(Money monthFundStated, Money monthAccountStated, Money platformFundOwed,
                                        Money platformAccountOwed) {
        List<Difference> differences = new ArrayList<>();
        differ(differences, "fundAmount", monthFundStated, platformFundOwed);
        differ(differences, "accountAmount", monthAccountStated, platformAccountOwed);
        return new ApplicationReconciliation(differences.isEmpty(), monthFundStated, monthAccountStated, platformFundOwed,
                platformAccountOwed, differences);
    }

    private static void differ(List<Difference> differences, String amount, Money stated, Money platform) {
        if (stated.compareTo(platform) != 0) {
            differences.add(new Difference(amount, stated, platform, stated.minus(platform)));
        }
    }
}
