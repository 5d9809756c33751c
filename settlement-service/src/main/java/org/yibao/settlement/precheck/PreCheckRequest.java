package org.yibao.settlement.precheck;

import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What supervision's pre-check sees of a bill: who, where, what, as the catalog priced it. */
public record PreCheckRequest(String personId, String institutionCode, VisitType visitType, LocalDate serviceDate,
                              List<String> diagnosisCodes, Money total, List<Line> lines) {

    public record Line(String itemCode, String itemClass, BigDecimal quantity, org.yibao.contracts.money.Price unitPrice, Money amount) {
    }
}
