package org.yibao.his.national;

import org.yibao.contracts.time.BeijingTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as the national interface writes them: {@code yyyy-MM-dd HH:mm:ss} in Beijing time
 * (Asia/Shanghai), whatever zone the server runs in (issue 17, output 13: ISO instants in UTC gave
 * the wrong day between 00:00 and 08:00).
 */
public final class NationalTime {

    public static final ZoneId BEIJING = BeijingTime.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private NationalTime() {
    }

    public static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(BEIJING));
    }

    /** An ISO instant a service answered ("2026-11-30T12:13:45.28Z"), in the interface's format. */
    public static String time(String isoInstant) {
        return isoInstant == null || isoInstant.isEmpty() ? null : time(Instant.parse(isoInstant));
    }

    public static String time(LocalDateTime beijing) {
        return beijing == null ? null : TIME.format(beijing);
    }

    /** A service's date ("2026-01-01") or instant ("2026-01-01T00:00:00Z", taken in Beijing) as yyyy-MM-dd. */
    public static String date(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() == 10 ? LocalDate.parse(value).toString() : Instant.parse(value).atZone(BEIJING).toLocalDate().toString();
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(BEIJING);
    }

    public static LocalDate today() {
        return LocalDate.now(BEIJING);
    }

    /** yyyyMMddHHmmss, Beijing time. */
    public static String stamp() {
        return STAMP.format(now());
    }

    /** yyyyMMddHHmmssSSS, Beijing time: refmsg_time and respond_time of the envelope. */
    public static String millis() {
        return MILLIS.format(now());
    }
}
