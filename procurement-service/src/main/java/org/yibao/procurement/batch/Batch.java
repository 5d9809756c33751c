package org.yibao.procurement.batch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A volume-based procurement batch (带量采购批次) as it is registered: its selected products and the
 * items of the same generics that were not selected.
 *
 * @param batchId letters, digits, '-' and '_' (it is part of URLs), at most 40
 */
public record Batch(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}",
                            message = "must be 1-40 letters, digits, '-' or '_', starting with a letter or digit") String batchId,
                    @NotBlank @Size(max = 200) String name, @NotNull Level level,
                    @NotNull Kind kind, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                    @NotEmpty @Size(max = 5000) List<@Valid @NotNull Product> products,
                    @Size(max = 5000) List<@Valid @NotNull SameGeneric> sameGenericItems) {
}
