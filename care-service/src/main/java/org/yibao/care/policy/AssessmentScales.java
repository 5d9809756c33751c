package org.yibao.care.policy;

import org.yibao.web.config.DataFiles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The assessment scales of {@code care-scales/*.yml}, validated when loaded (a bad file stops the service). */
public final class AssessmentScales {

    static final String PATTERN = "care-scales/*.yml";

    private final Map<String, AssessmentScale> scales;

    AssessmentScales(Map<String, AssessmentScale> scales) {
        this.scales = Map.copyOf(scales);
    }

    public static AssessmentScales loadFromClasspath() {
        Map<String, AssessmentScale> scales = new LinkedHashMap<>();
        for (DataFiles.DataFile file : DataFiles.onClasspath(PATTERN)) {
            AssessmentScale scale = AssessmentScale.of(file.name(), DataFiles.read(file, ScaleFile.class));
            if (scales.put(scale.name(), scale) != null) {
                throw DataFiles.invalid(file.name(), "scale", scale.name() + " is defined twice");
            }
        }
        if (scales.isEmpty()) {
            throw new IllegalStateException(PATTERN + ": no assessment scale on the classpath");
        }
        return new AssessmentScales(scales);
    }

    public Optional<AssessmentScale> named(String name) {
        return Optional.ofNullable(scales.get(name));
    }
}
