package org.yibao.settlement.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Ends a family binding: it holds up to and including the day it is ended. */
public record EndBindingRequest(@NotBlank @Size(max = 200) String reason) {
}
