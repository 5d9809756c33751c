package org.yibao.care.institution;

import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.events.CareSetting;
import org.yibao.security.CallerIdentity;

import java.util.List;
import java.util.Set;

/** Care institutions (护理服务机构), behind the gateway at {@code /api/care}. */
@RestController
@RequestMapping("/api/care")
class InstitutionController {

    private final InstitutionService institutions;

    InstitutionController(InstitutionService institutions) {
        this.institutions = institutions;
    }

    /**
     * A care institution to register.
     *
     * @param institutionCode the bureau's code for it
     * @param name            its name
     * @param regionCode      where it is (GB/T 2260)
     * @param settings        HOME and/or INSTITUTION: the care it provides
     */
    record Register(
            @NotBlank @Pattern(regexp = InstitutionCodes.PATTERN, message = InstitutionCodes.MESSAGE) String institutionCode,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit administrative division code") String regionCode,
            @NotEmpty @Size(max = 2) List<@NotNull CareSetting> settings) {
    }

    @PostMapping("/institutions")
    @ResponseStatus(HttpStatus.CREATED)
    CareInstitution register(@Valid @RequestBody Register r, CallerIdentity caller) {
        return institutions.register(r.institutionCode(), r.name(), r.regionCode(), Set.copyOf(r.settings()), caller);
    }

    @GetMapping("/institutions/{code}")
    CareInstitution get(@PathVariable String code) {
        return institutions.get(InstitutionCodes.path(code));
    }
}
