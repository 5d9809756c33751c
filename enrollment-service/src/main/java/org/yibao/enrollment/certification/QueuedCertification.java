package org.yibao.enrollment.certification;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.LocalDate;

/**
 * A pending application as the decision queue shows it: the certification with the working days left
 * until its deadline, counted by the server's calendar ({@link WorkingDays}, the one that set the deadline
 * and that {@code GET /certifications/overdue} uses), negative when overdue.
 *
 * @param overdue whether the deadline has passed undecided (the same test as the overdue list: deadline before today)
 */
public record QueuedCertification(@JsonUnwrapped Certification certification, int workingDaysLeft, boolean overdue) {

    static QueuedCertification of(Certification c, LocalDate today) {
        return new QueuedCertification(c, WorkingDays.left(today, c.decideBy()), c.decideBy().isBefore(today));
    }
}
