package org.yibao.enrollment.statistics;

import org.yibao.web.problem.RequestParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.web.problem.InvalidRequestException;

import java.util.List;

/**
 * Enrollment statistics for bureau staff, behind the gateway at {@code /api/enrollment}: enrolled by
 * scheme and region, coverage against the registered population, and the assistance-identified people
 * not yet enrolled (动态清零).
 */
@RestController
@RequestMapping("/api/enrollment")
class StatisticsController {

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    record Population(@NotNull @Min(1) Long population) {
    }

    @PutMapping("/regions/{regionCode}/population/{year}")
    Population setPopulation(@PathVariable String regionCode, @PathVariable int year, @Valid @RequestBody Population body) {
        if (!regionCode.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("regionCode", "must be a 6-digit administrative division code");
        }
        statistics.setPopulation(regionCode, RequestParameters.year(year), body.population());
        return body;
    }

    @GetMapping("/statistics")
    Statistics statistics(@RequestParam int year) {
        return statistics.of(RequestParameters.year(year));
    }

    /** People with an assistance identity in force in the year who hold no enrollment for it: the list must reach zero. */
    @GetMapping("/statistics/identified-not-enrolled")
    List<NotEnrolled> identifiedNotEnrolled(@RequestParam int year) {
        return statistics.identifiedNotEnrolled(RequestParameters.year(year));
    }
}
