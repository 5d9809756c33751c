package org.yibao.settlement.account;

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
import java.util.UUID;

/** Personal accounts and family mutual-aid bindings, behind the gateway at {@code /api/settlement}. */
@RestController
@RequestMapping("/api/settlement")
class AccountController {

    private final AccountService accounts;
    private final FamilyBindingService bindings;

    AccountController(AccountService accounts, FamilyBindingService bindings) {
        this.accounts = accounts;
        this.bindings = bindings;
    }

    /** A holder's balance (个人账户余额), yuan; 404 when the person has no account. */
    @GetMapping("/accounts/{personId}")
    AccountService.Balance balance(@PathVariable String personId) {
        return accounts.balance(RequestParameters.person(personId));
    }

    /** A month's statement ({@code yyyy-MM}): opening, credits, debits by bill, restorations, closing. */
    @GetMapping("/accounts/{personId}/statements/{month}")
    AccountStatement statement(@PathVariable String personId, @PathVariable String month) {
        return accounts.statement(RequestParameters.person(personId), RequestParameters.month(month));
    }

    /** Registers a family member (家庭共济) whose bills the holder's account may pay: 201. */
    @PostMapping("/accounts/{personId}/family-bindings")
    @ResponseStatus(HttpStatus.CREATED)
    FamilyBinding bind(@PathVariable String personId, @Valid @RequestBody FamilyBindingRequest request, CallerIdentity caller) {
        return bindings.register(RequestParameters.person(personId), request, caller);
    }

    @GetMapping("/accounts/{personId}/family-bindings")
    List<FamilyBinding> bindings(@PathVariable String personId) {
        return bindings.ofHolder(RequestParameters.person(personId));
    }

    /** Ends a family binding today. */
    @PostMapping("/family-bindings/{bindingId}/end")
    FamilyBinding end(@PathVariable UUID bindingId, @Valid @RequestBody EndBindingRequest request, CallerIdentity caller) {
        return bindings.end(bindingId, request, caller);
    }

}
