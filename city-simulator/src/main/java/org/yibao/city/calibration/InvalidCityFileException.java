package org.yibao.city.calibration;

/** A calibrated city's parameter file refused: the file, the field path and what is wrong. */
public final class InvalidCityFileException extends IllegalArgumentException {

    private final String field;

    public InvalidCityFileException(String file, String field, String reason) {
        super(file + ": " + field + ": " + reason);
        this.field = field;
    }

    /** The refused field's path ({@code care.inpatientLevels}, {@code outcomes[2].seedValue}). */
    public String field() {
        return field;
    }
}
