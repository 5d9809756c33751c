package org.yibao.procurement.volume;

/** Why a row of an uploaded file was refused: its line (the header is line 1), the field and the reason. */
public record RowError(long line, String field, String reason) {
}
