package org.yibao.his.visit;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One uploaded fee detail (费用明细). */
public record FeeLine(String feedetlSn, String chrgBchno, String itemCode, BigDecimal quantity, BigDecimal unitPrice,
                      BigDecimal amount, LocalDateTime feeTime) {
}
