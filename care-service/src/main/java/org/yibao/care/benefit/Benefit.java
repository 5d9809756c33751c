package org.yibao.care.benefit;

import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A beneficiary's long-term care benefit (享受待遇): approved after a disability assessment, valid from a
 * date to a date (待遇有效期), to be reassessed by a date (复评), at the care level of each date, in one
 * setting (and for institution care, one care institution, which alone may bill it). Ended early by
 * death or the end of enrollment.
 *
 * @param regionCode      the region of the person's enrollment when approved; its care policy prices the care
 * @param institutionCode the care institution assigned, for INSTITUTION care; null for HOME
 * @param validTo         the last day of the approval's validity
 * @param reassessOn      the day by which the person is to be reassessed
 * @param endedOn         the last day when ended early (death, end of enrollment, a reassessment refused); null otherwise
 * @param levels          the care level from each date, in date order
 */
public record Benefit(UUID benefitId, String personId, String regionCode, CareSetting setting, String institutionCode,
                      LocalDate validFrom, LocalDate validTo, LocalDate reassessOn, LocalDate endedOn, String endReason,
                      List<LevelFrom> levels) {

    public Benefit {
        levels = levels.stream().sorted(Comparator.comparing(LevelFrom::from)).toList();
    }

    /** The last day the benefit covers: the end of its validity, or the day it was ended on if earlier. */
    public LocalDate lastDay() {
        return endedOn != null && endedOn.isBefore(validTo) ? endedOn : validTo;
    }

    /** Whether the benefit covers the day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(lastDay());
    }

    /** Whether the benefit covers any day from {@code first} to {@code last}. */
    public boolean overlaps(LocalDate first, LocalDate last) {
        return !last.isBefore(validFrom) && !first.isAfter(lastDay());
    }

    /** The care level on a day the benefit covers. */
    public CareLevel levelOn(LocalDate day) {
        CareLevel level = null;
        for (LevelFrom l : levels) {
            if (!l.from().isAfter(day)) {
                level = l.level();
            }
        }
        if (level == null) {
            throw new IllegalStateException("benefit " + benefitId + " has no level on " + day);
        }
        return level;
    }
}
