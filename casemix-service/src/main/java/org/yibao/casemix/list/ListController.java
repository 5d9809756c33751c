package org.yibao.casemix.list;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;

import java.time.LocalDate;
import java.util.List;

/** Settlement lists (医保结算清单) and their data quality, behind the gateway at {@code /api/casemix}. */
@RestController
@RequestMapping("/api/casemix")
class ListController {

    static final String INSTITUTION = "[A-Z0-9]{4,32}";
    private static final String DIAGNOSIS = "[A-Z][0-9]{2}\\.[0-9x][0-9x]{2}";
    private static final String PROCEDURE = "[0-9]{2}\\.[0-9x][0-9x]{3}";

    private final ListService lists;

    ListController(ListService lists) {
        this.lists = lists;
    }

    /** A procedure listed: its code (ICD-9-CM-3, insurance edition, such as 47.0100), the day, whether it is the main one. */
    record ProcedureLine(@NotBlank @Pattern(regexp = PROCEDURE, message = "must be a procedure code such as 47.0100") String code,
                         @NotNull LocalDate date, @NotNull Boolean main) {
    }

    /** A fee category's amount, yuan (0 to 99,999,999.99). */
    record FeeLine(@NotNull FeeCategory category, @NotNull Money amount) {
    }

    /**
     * A settlement list (医保结算清单) of one inpatient settlement.
     *
     * @param settlementId       the inpatient settlement it describes
     * @param mainDiagnosis      ICD-10 (insurance edition) such as K35.800
     * @param secondaryDiagnoses at most 40
     * @param procedures         at most 40, one of them main when there are any
     * @param fees               the fee categories' amounts, each category once; adding up to the settled bill
     * @param ventilatorHours    0 to 9,999
     * @param newbornWeights     grams, at most 9 newborns
     */
    record UploadList(@NotBlank @Size(max = 64) String settlementId,
                      @NotNull LocalDate admissionDate,
                      @NotNull LocalDate dischargeDate,
                      @NotBlank @Pattern(regexp = DIAGNOSIS, message = "must be a diagnosis code such as K35.800") String mainDiagnosis,
                      @NotNull @Size(max = 40) List<@NotBlank @Pattern(regexp = DIAGNOSIS, message = "must be a diagnosis code such as I10.x00") String> secondaryDiagnoses,
                      @NotNull @Size(max = 40) List<@Valid @NotNull ProcedureLine> procedures,
                      @NotEmpty @Size(max = 14) List<@Valid @NotNull FeeLine> fees,
                      @NotNull @Min(0) @Max(9999) Integer ventilatorHours,
                      @NotNull @Size(max = 9) List<@NotNull Integer> newbornWeights,
                      @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.]{0,31}", message = "must be a department code of 1 to 32 letters, digits and points, such as A03.01") String department) {
    }

    /**
     * Uploads or corrects the list of one of the institution's inpatient settlements (201), checked at once; 403 for another
     * institution's settlement.
     */
    @PostMapping("/institutions/{code}/settlement-lists")
    @ResponseStatus(HttpStatus.CREATED)
    SettlementList upload(@PathVariable String code, @Valid @RequestBody UploadList r, CallerIdentity caller) {
        java.util.Set<FeeCategory> seen = java.util.EnumSet.noneOf(FeeCategory.class);
        for (int i = 0; i < r.fees().size(); i++) {
            FeeLine f = r.fees().get(i);
            if (!seen.add(f.category())) {
                throw new InvalidRequestException("fees[" + i + "].category", "is listed twice: " + f.category());
            }
            if (f.amount().isNegative() || f.amount().compareTo(Money.of("99999999.99")) > 0) {
                throw new InvalidRequestException("fees[" + i + "].amount", "must be from 0 to 99999999.99");
            }
        }
        caller.requireOwnInstitution(institution(code), "code");
        return lists.upload(institution(code), new ListService.Upload(r.settlementId(), r.admissionDate(), r.dischargeDate(),
                r.mainDiagnosis(), r.secondaryDiagnoses(), r.procedures().stream()
                .map(p -> new SettlementList.Procedure(p.code(), p.date(), p.main())).toList(),
                r.fees().stream().map(f -> new SettlementList.Fee(f.category(), f.amount())).toList(), r.ventilatorHours(),
                r.newbornWeights(), r.department()), caller);
    }

    /** A list with its quality control, read by its institution or the bureau. */
    @GetMapping("/institutions/{code}/settlement-lists/{settlementId}")
    SettlementList list(@PathVariable String code, @PathVariable String settlementId, CallerIdentity caller) {
        if (settlementId.length() > 64) {
            throw new InvalidRequestException("settlementId", "must be at most 64 characters");
        }
        caller.requireOwnInstitution(institution(code), "code");
        return lists.list(institution(code), settlementId);
    }

    /** Submits one of the institution's lists that passed quality control (已提交; national 4102); 409 otherwise. */
    @PostMapping("/institutions/{code}/settlement-lists/{settlementId}/submission")
    SettlementList submit(@PathVariable String code, @PathVariable String settlementId, CallerIdentity caller) {
        if (settlementId.length() > 64) {
            throw new InvalidRequestException("settlementId", "must be at most 64 characters");
        }
        caller.requireOwnInstitution(institution(code), "code");
        return lists.submit(institution(code), settlementId, caller);
    }

    /** Each institution's data quality of a month (lists by discharge date) in a region (6 digits; a city covers its districts). */
    @GetMapping("/quality/{month}")
    List<ListService.Quality> quality(@PathVariable String month, @RequestParam String regionCode) {
        if (!regionCode.matches("[0-9]{6}")) {
            throw new InvalidRequestException("regionCode", "must be a 6-digit administrative division code");
        }
        return lists.quality(RequestParameters.month(month, "month"), regionCode);
    }

    static String institution(String code) {
        if (code == null || !code.matches(INSTITUTION)) {
            throw new InvalidRequestException("code", "must be 4 to 32 capital letters or digits");
        }
        return code;
    }
}
