package org.yibao.supervision.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.identity.ResidentId;

import java.time.LocalDate;

/** Death registrations from civil affairs or public security, at {@code /api/supervision/deaths}. */
@RestController
@RequestMapping("/api/supervision")
class DeathController {

    private final SmartAuditService audit;

    DeathController(SmartAuditService audit) {
        this.audit = audit;
    }

    /** @param source who reported the death (civil affairs, a hospital, public security), at most 40 characters */
    record Death(@NotNull ResidentId personId, @NotNull LocalDate dateOfDeath, @NotBlank @Size(max = 40) String source) {
    }

    /** @param flaggedClaims how many claims already settled were flagged for treatment after the death */
    record Registered(int flaggedClaims) {
    }

    /** Registers a death; claims already settled for treatment after it are flagged at once. */
    @PostMapping("/deaths")
    Registered register(@Valid @RequestBody Death death) {
        return new Registered(audit.deathRegistered(death.personId().value(), death.dateOfDeath(), death.source()));
    }
}
