package org.yibao.clearing.owed;

import org.yibao.contracts.money.Money;

import java.util.List;

/** What the funds owe an institution for one period (yyyy-MM), per fund, and the period's state. */
public record InstitutionOwed(String institutionCode, String period, boolean closed, List<FundOwed> funds, Money total) {
}
