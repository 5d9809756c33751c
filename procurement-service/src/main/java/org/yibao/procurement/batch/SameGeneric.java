package org.yibao.procurement.batch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An item of the same generic that was not selected; its use counts against the VBP share. */
public record SameGeneric(@NotBlank @Size(max = 40) String itemCode, @NotBlank @Size(max = 200) String genericName) {
}
