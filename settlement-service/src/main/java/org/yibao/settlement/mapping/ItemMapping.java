package org.yibao.settlement.mapping;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An institution's own code for an item (医药机构目录编码: medins_list_codg, fixmedins_hilist_id) mapped to
 * the national code (医疗目录编码 med_list_codg) from {@code validFrom} until {@code validTo} (inclusive;
 * null open-ended), with its review.
 *
 * @param listType the national list type the institution gave (101, 102, 201, 301 ...), null when none
 */
public record ItemMapping(String institutionCode, String ownCode, String ownName, String listType, String nationalCode,
                          LocalDate validFrom, LocalDate validTo, MappingStatus status, Instant submittedAt, String submittedBy,
                          Instant reviewedAt, String reviewedBy, String reviewNote) {
}
