package org.yibao.his.visit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A visit as the interface keeps it: who, where, which medical type, its diagnoses and state.
 *
 * <p>The states (issue 17: a visit is a state machine): OPEN from registration (2201) or admission
 * (2401) — details are uploaded (2204/2301) and reversed (2205/2302), a stay may be settled in
 * mid-stay segments and stays OPEN, is discharged (2402, {@code endsAt}) and discharged again after a
 * discharge reversal (2405); SETTLED by the final settlement (2207/2304, or 2102 at a pharmacy), and
 * OPEN again when it is reversed (2208/2305/2601); CANCELLED by 2202/2404 while it holds no details.
 */
public record Visit(String mdtrtId, String institution, String personId, Kind kind, String medType, String insutype,
                    String iptOtpNo, LocalDateTime beginsAt, LocalDateTime endsAt, List<String> diagnoses, Status status,
                    String psnName, String psnType) {

    public enum Kind { OUTPATIENT, INPATIENT, PHARMACY }

    public enum Status { OPEN, CANCELLED, SETTLED }

    /** The day the platform bills the visit on: discharge for a stay, otherwise the visit's start. */
    public LocalDate serviceDate() {
        return (endsAt != null ? endsAt : beginsAt).toLocalDate();
    }
}
