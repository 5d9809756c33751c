package org.yibao.his.visit;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** A visit as the interface keeps it: who, where, which medical type, its diagnoses and state. */
public record Visit(String mdtrtId, String institution, String personId, Kind kind, String medType, String insutype,
                    String iptOtpNo, LocalDateTime beginsAt, LocalDateTime endsAt, List<String> diagnoses, Status status,
                    UUID setlId) {

    public enum Kind { OUTPATIENT, INPATIENT }

    public enum Status { OPEN, CANCELLED, SETTLED }

    /** The day the platform bills the visit on: discharge for a stay, otherwise the visit's start. */
    public java.time.LocalDate serviceDate() {
        return (endsAt != null ? endsAt : beginsAt).toLocalDate();
    }
}
