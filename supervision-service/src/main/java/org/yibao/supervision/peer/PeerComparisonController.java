package org.yibao.supervision.peer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;

/**
 * The peer comparison (大数据监管, 同级别同地区比较) for auditors, investigators and managers: each
 * hospital's cost per case, tests per visit, drug share and readmission rate against its peers, and
 * the outliers to inspect. docs/peer-comparison.md.
 */
@RestController
@RequestMapping("/api/supervision")
class PeerComparisonController {

    private final PeerComparisonService comparison;

    PeerComparisonController(PeerComparisonService comparison) {
        this.comparison = comparison;
    }

    /**
     * @param year       2000 to 2100
     * @param month      1 to 12; the whole year when absent
     * @param regionCode a 6-digit region code: only its prefecture's groups; every prefecture when absent
     */
    @GetMapping("/peer-comparison")
    PeerComparison peerComparison(@RequestParam int year, @RequestParam(required = false) Integer month,
                                  @RequestParam(required = false) String regionCode) {
        RequestParameters.year(year);
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidRequestException("month", "must be between 1 and 12");
        }
        if (regionCode != null && !regionCode.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("regionCode", "must be a 6-digit administrative division code");
        }
        return comparison.compare(year, month, regionCode);
    }
}
