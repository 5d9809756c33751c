package org.yibao.settlement.account;

import org.yibao.contracts.money.Money;

/**
 * What a personal account paid towards one bill, as the bill shows it.
 *
 * @param holderId     whose account paid (个人账户持有人): the patient, or the holder a family member is bound to
 * @param paid         what the account paid, yuan (个人账户支付)
 * @param balanceAfter the account's balance after the bill (the national interface's balc), yuan
 * @param mutualAid    whether a family member's bill was paid from the holder's account (家庭共济, acct_mulaid_pay)
 */
public record AccountPayment(String holderId, Money paid, Money balanceAfter, boolean mutualAid) {
}
