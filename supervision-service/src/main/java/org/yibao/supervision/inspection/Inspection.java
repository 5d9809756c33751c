package org.yibao.supervision.inspection;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Date;

/**
 * One visit of a year's plan, with the JSON names and formats its answer has always had:
 * snake_case; {@code inspected_on} as JDBC gave it ({@link Date}: midnight in the service's zone, in
 * UTC to the millisecond), null until the result is recorded.
 *
 * @param position the drawn order
 */
record Inspection(int position, String institution, @JsonProperty("inspector_a") String inspectorA,
                  @JsonProperty("inspector_b") String inspectorB, @JsonProperty("inspected_on") Date inspectedOn,
                  InspectionFinding finding) {
}
