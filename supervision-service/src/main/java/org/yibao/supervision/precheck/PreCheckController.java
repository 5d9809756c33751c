package org.yibao.supervision.precheck;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;

/** The real-time pre-check, at {@code /api/supervision/pre-checks} (settlement's client calls it). */
@RestController
@RequestMapping("/api/supervision")
class PreCheckController {

    private final PreCheck preCheck;

    PreCheckController(PreCheck preCheck) {
        this.preCheck = preCheck;
    }

    @PostMapping("/pre-checks")
    PreCheck.Verdict check(@Valid @RequestBody PreCheck.Request request, CallerIdentity caller) {
        caller.requireOwnInstitution(request.institutionCode(), "institutionCode");
        return preCheck.check(request);
    }
}
