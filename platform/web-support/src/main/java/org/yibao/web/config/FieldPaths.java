package org.yibao.web.config;

import tools.jackson.core.JacksonException;

/**
 * Where in a data file (a policy pack, the contribution policies, the clients file...) Jackson
 * refused a value, written the way refusals name fields: keys joined with dots, list positions in
 * brackets ({@code visits.INPATIENT.ratio.RESIDENT.LEVEL_3}, {@code clients[3].rate-limit}).
 */
public final class FieldPaths {

    private FieldPaths() {
    }

    /** The path of a refusal; empty when Jackson refused the file's root itself. */
    public static String of(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            } else if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            }
        }
        return path.toString();
    }
}
