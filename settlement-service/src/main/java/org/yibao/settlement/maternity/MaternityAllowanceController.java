package org.yibao.settlement.maternity;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.RequestParameters;

import java.util.List;

/** Maternity allowances (生育津贴), behind the gateway at {@code /api/settlement/maternity-allowances}. */
@RestController
@RequestMapping("/api/settlement")
class MaternityAllowanceController {

    private final MaternityAllowanceService allowances;

    MaternityAllowanceController(MaternityAllowanceService allowances) {
        this.allowances = allowances;
    }

    /** Grants an employee's allowance, decided by the calling staff member: 201 with the calculation's parts. */
    @PostMapping("/maternity-allowances")
    @ResponseStatus(HttpStatus.CREATED)
    MaternityAllowance grant(@Valid @RequestBody AllowanceRequest request, CallerIdentity caller) {
        return allowances.grant(request, caller.clientId());
    }

    /** A person's allowances, latest delivery first. */
    @GetMapping("/persons/{personId}/maternity-allowances")
    List<MaternityAllowance> ofPerson(@PathVariable String personId) {
        return allowances.ofPerson(RequestParameters.person(personId));
    }
}
