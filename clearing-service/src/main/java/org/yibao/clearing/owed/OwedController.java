package org.yibao.clearing.owed;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.RequestParameters;

/** What the funds owe an institution (应付), behind the gateway at {@code /api/clearing}. */
@RestController
@RequestMapping("/api/clearing")
class OwedController {

    private final OwedService owed;

    OwedController(OwedService owed) {
        this.owed = owed;
    }

    /**
     * The institution's owed amounts for a clearing period, per fund: claims counted in it less reversals.
     *
     * @param period yyyy-MM
     */
    @GetMapping("/institutions/{code}/owed")
    InstitutionOwed owed(@PathVariable String code, @RequestParam String period, CallerIdentity caller) {
        return owed.owed(InstitutionCodes.path(code), RequestParameters.month(period, "period"), caller);
    }
}
