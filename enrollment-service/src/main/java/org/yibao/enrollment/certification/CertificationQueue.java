package org.yibao.enrollment.certification;

import java.util.List;

/** One page of the decision queue (overdue first, then by deadline) and how many applications it holds in all. */
public record CertificationQueue(List<QueuedCertification> certifications, long total) {
}
