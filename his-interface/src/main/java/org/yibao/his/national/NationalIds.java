package org.yibao.his.national;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids the interface hands out, at the national interface's lengths (issue 17, output 15):
 * mdtrt_id, setl_id, sign_no and file_qury_no are 30 digits (yyyyMMddHHmmss in Beijing time and 16
 * digits of a database sequence, so unique across instances); inf_refmsgid is 30 digits as the
 * national platform's (6-digit region, yyyyMMddHHmmss, a 10-digit sequence).
 */
@Component
public class NationalIds {

    private final IdSequenceStore sequence;
    private final String region;
    // refmsgids need no database (a refusal answers even when it is down): per process, from a random start
    private final AtomicLong references = new AtomicLong(new SecureRandom().nextLong(1_000_000_000L) * 10);

    NationalIds(IdSequenceStore sequence, @Value("${yibao.his.region:410000}") String region) {
        if (!region.matches("\\d{6}")) {
            throw new IllegalStateException("yibao.his.region must be a 6-digit administrative division code, not " + region);
        }
        this.sequence = sequence;
        this.region = region;
    }

    /** A new 30-digit id. */
    public String next() {
        long n = sequence.next();
        return NationalTime.stamp() + String.format("%016d", n % 10_000_000_000_000_000L);
    }

    /** inf_refmsgid of an answer. */
    public String reference() {
        return region + NationalTime.stamp() + String.format("%010d", Math.floorMod(references.incrementAndGet(), 10_000_000_000L));
    }
}
