package org.yibao.supervision.inspection;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;

/**
 * One visit of a year's plan, with the JSON names and formats its answer has always had:
 * snake_case; {@code inspected_on} a date ({@code 2026-05-20}; once midnight in the server's zone
 * written in UTC, the previous day on a server in Beijing time), null until the result is recorded.
 *
 * @param position the drawn order
 */
record Inspection(int position, String institution, @JsonProperty("inspector_a") String inspectorA,
                  @JsonProperty("inspector_b") String inspectorB, @JsonProperty("inspected_on") LocalDate inspectedOn,
                  InspectionFinding finding) {
}
