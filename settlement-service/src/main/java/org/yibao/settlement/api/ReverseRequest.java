package org.yibao.settlement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a settlement is reversed (冲销), for the audit trail. */
public record ReverseRequest(@NotBlank @Size(max = 500) String reason) {
}
