package org.yibao.clearing.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.clearing.owed.InstitutionCodes;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;

import java.time.LocalDate;
import java.util.List;

/**
 * Clearing applications (清算申请, the national interface's 3203 and 3204), behind the gateway at
 * {@code /api/clearing}: an institution files and cancels its own (the institution is the path's, held to the
 * caller's token); clearing officers list a month's.
 */
@RestController
@RequestMapping("/api/clearing")
class ApplicationController {

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    /**
     * A month's clearing as the institution states it (national layout 3203), amounts in yuan.
     *
     * @param messageId        the institution's message id (msgid): the same message again gets the same application
     * @param period           the month cleared (清算年月), yyyy-MM; beginDate and endDate are in it
     * @param clearingWay      清算方式 (clr_way) as stated, not interpreted, or null
     * @param visits           清算人次 (psntime)
     * @param medicalFeeTotal  医疗费总额 (medfee_sumamt)
     * @param eligibleFeeTotal 医保认可费用总额 (med_sumfee)
     * @param fundAmount      基金申报总额 (fund_appy_sum)
     * @param cashAmount         现金支付金额 (cash_payamt)
     * @param accountAmount      个人账户支出 (acct_pay)
     */
    record FileApplication(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
                           String messageId,
                           @NotBlank @Pattern(regexp = "20[0-9]{2}-(0[1-9]|1[0-2])", message = "must be a month written yyyy-MM, such as 2026-11")
                           String period,
                           @NotNull ClearingType clearingType,
                           @Pattern(regexp = "[^\\p{Cntrl}]{1,30}", message = "must be 1 to 30 characters without control characters")
                           String clearingWay,
                           @NotNull LocalDate beginDate,
                           @NotNull LocalDate endDate,
                           @NotNull @Min(0) @Max(999_999) Integer visits,
                           @NotNull Money medicalFeeTotal,
                           @NotNull Money eligibleFeeTotal,
                           @NotNull Money fundAmount,
                           @NotNull Money cashAmount,
                           @NotNull Money accountAmount) {
    }

    /**
     * Files the institution's application for a month (201) reconciled against the platform's owed, or answers the
     * one its message filed before (200); 409 when the month is closed or an application of its type is in force.
     */
    @PostMapping("/institutions/{code}/applications")
    ResponseEntity<ClearingApplication> file(@PathVariable String code, @Valid @RequestBody FileApplication r, CallerIdentity caller) {
        ApplicationService.Filing filing = applications.file(InstitutionCodes.path(code), new ApplicationService.Statement(
                r.messageId(), r.period(), r.clearingType(), r.clearingWay(), r.beginDate(), r.endDate(), r.visits(), r.medicalFeeTotal(),
                r.eligibleFeeTotal(), r.fundAmount(), r.cashAmount(), r.accountAmount()), caller);
        return ResponseEntity.status(filing.created() ? HttpStatus.CREATED : HttpStatus.OK).body(filing.application());
    }

    /** Cancels the institution's application (3204) while its month is not closed by an approved payment order. */
    @PostMapping("/institutions/{code}/applications/{id}/cancellation")
    ClearingApplication cancel(@PathVariable String code, @PathVariable String id, CallerIdentity caller) {
        String institution = InstitutionCodes.path(code);
        if (id == null || !id.matches(ApplicationIds.PATTERN)) {
            throw new InvalidRequestException("id", "must be a clearing application id (clr_appy_evt_id, 30 digits)");
        }
        return applications.cancel(institution, id, caller);
    }

    /**
     * A month's applications, in force and cancelled, each with its reconciliation as filed: for the clearing
     * officer preparing the month's payment orders (whether an institution has an application on file).
     *
     * @param period          yyyy-MM
     * @param institutionCode one institution's, or every institution's when absent
     */
    @GetMapping("/periods/{period}/applications")
    List<ClearingApplication> ofPeriod(@PathVariable String period, @RequestParam(required = false) String institutionCode) {
        String institution = null;
        if (institutionCode != null) {
            if (!institutionCode.matches(InstitutionCodes.PATTERN)) {
                throw new InvalidRequestException("institutionCode", "must be 4 to 32 capital letters or digits");
            }
            institution = institutionCode;
        }
        return applications.ofPeriod(RequestParameters.month(period, "period"), institution);
    }
}
