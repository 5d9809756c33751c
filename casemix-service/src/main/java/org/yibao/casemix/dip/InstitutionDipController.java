package org.yibao.casemix.dip;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

import java.util.List;

/** A hospital's own DIP report, behind the gateway at {@code /api/casemix/institutions/{code}/dip}. */
@RestController
@RequestMapping("/api/casemix/institutions/{code}/dip")
class InstitutionDipController {

    private final DipService dip;

    InstitutionDipController(DipService dip) {
        this.dip = dip;
    }

    /**
     * The institution's lines of the year's report under a table (its whole line, then each department's): stays, points,
     * CMI against the region's average, outliers, standard, fund payment, item by item, gain or loss; read by the hospital
     * itself (its own code only) or the bureau.
     */
    @GetMapping("/tables/{tableId}/years/{year}/report")
    List<org.yibao.casemix.payment.CasePayments.ReportLine> report(@PathVariable String code, @PathVariable String tableId, @PathVariable String year,
                                       @RequestParam(defaultValue = "PROVISIONAL") org.yibao.casemix.payment.CasePayment.Basis basis, CallerIdentity caller) {
        if (code == null || !code.matches("[A-Z0-9]{4,32}")) {
            throw new InvalidRequestException("code", "must be 4 to 32 capital letters or digits");
        }
        caller.requireOwnInstitution(code, "code");
        if (tableId == null || !tableId.matches("[0-9]{6}-[0-9]{4}-v[0-9]{1,6}")) {
            throw new InvalidRequestException("tableId", "must be a table id such as 411700-2026-v1");
        }
        return dip.report(tableId, org.yibao.web.problem.RequestParameters.year(year), basis).stream().filter(l -> l.institutionCode().equals(code)).toList();
    }
}
