package org.yibao.care.payment;

import org.yibao.contracts.money.Money;

import java.time.YearMonth;
import java.util.List;

/**
 * An institution's bills of a month: the month's bill and its supplementary bills, and their totals in yuan.
 */
public record MonthBills(String institutionCode, YearMonth month, List<Bill> bills, Money standardAmount, Money fundPaid,
                         Money personShare) {

    public MonthBills {
        bills = List.copyOf(bills);
    }

    static MonthBills of(String institutionCode, YearMonth month, List<Bill> bills) {
        return new MonthBills(institutionCode, month, bills, Money.sum(bills.stream().map(Bill::standardAmount).toList()),
                Money.sum(bills.stream().map(Bill::fundPaid).toList()), Money.sum(bills.stream().map(Bill::personShare).toList()));
    }
}
