package org.yibao.casemix.drg;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.casemix.payment.CasePayment;
import org.yibao.casemix.payment.CasePayments;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;

import java.util.List;

/** A hospital's own DRG report, behind the gateway at {@code /api/casemix/institutions/{code}/drg}. */
@RestController
@RequestMapping("/api/casemix/institutions/{code}/drg")
class InstitutionDrgController {

    private final DrgService drg;

    InstitutionDrgController(DrgService drg) {
        this.drg = drg;
    }

    /**
     * The institution's lines of the year's report under a weight table (its whole line, then each department's): stays,
     * weights, CMI against the region's average, outliers, standard, fund payment, item by item, gain or loss; read by the
     * hospital itself (its own code only) or the bureau.
     */
    @GetMapping("/weights/{weightsId}/years/{year}/report")
    List<CasePayments.ReportLine> report(@PathVariable String code, @PathVariable String weightsId, @PathVariable String year,
                                         @RequestParam(defaultValue = "PROVISIONAL") CasePayment.Basis basis, CallerIdentity caller) {
        if (code == null || !code.matches("[A-Z0-9]{4,32}")) {
            throw new InvalidRequestException("code", "must be 4 to 32 capital letters or digits");
        }
        caller.requireOwnInstitution(code, "code");
        return drg.report(DrgController.weightsId(weightsId), RequestParameters.year(year), basis).stream()
                .filter(l -> l.institutionCode().equals(code)).toList();
    }
}
