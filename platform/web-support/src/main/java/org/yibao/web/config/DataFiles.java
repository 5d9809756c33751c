package org.yibao.web.config;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a service's data files (care policies and assessment scales, clearing rules, ...): YAML bound by
 * Jackson onto records that mirror them, unknown and repeated keys refused, whole numbers written as whole
 * numbers, amounts and ratios as text; every refusal names the file and the field ({@code file: path: reason})
 * and stops the service at start-up (ADR 0016). A service using it declares jackson-dataformat-yaml.
 */
public final class DataFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // ratios and amounts are text ("0.70"): a number written bare is refused, not read as text
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    private DataFiles() {
    }

    /** A file's name and text. */
    public record DataFile(String name, String text) {
    }

    /** Every file matching a classpath pattern ({@code care-policies/*.yml}), by name. */
    public static List<DataFile> onClasspath(String pattern) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(DataFiles.class.getClassLoader())
                    .getResources("classpath*:" + pattern);
            List<DataFile> files = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    files.add(new DataFile(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            files.sort(Comparator.comparing(DataFile::name));
            return files;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pattern, e);
        }
    }

    /** Binds a file onto its record, or refuses it naming the file and the field. */
    public static <T> T read(DataFile file, Class<T> type) {
        T value;
        try {
            value = YAML.readValue(file.text(), type);
        } catch (JacksonException e) {
            throw refusal(file.name(), e);
        }
        if (value == null) {
            throw invalid(file.name(), "(file)", "is empty");
        }
        return value;
    }

    /** A refusal naming the file and the field, for the checks a record makes beyond its binding. */
    public static IllegalStateException invalid(String file, String field, String reason) {
        return new IllegalStateException(file + ": " + field + ": " + reason);
    }

    private static IllegalStateException refusal(String file, JacksonException e) {
        String path = FieldPaths.of(e);
        path = path.isEmpty() ? "(file)" : path;
        if (e instanceof UnrecognizedPropertyException u) {
            Set<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return invalid(file, path, "is not a known field; expected one of " + known);
        }
        if (e instanceof InvalidFormatException f) {
            return invalid(file, path, "is not a valid " + f.getTargetType().getSimpleName() + ": " + f.getValue());
        }
        if (e instanceof MismatchedInputException m) {
            return invalid(file, path, "has the wrong type; expected "
                    + (m.getTargetType() == null ? "another type" : m.getTargetType().getSimpleName()));
        }
        return invalid(file, path, String.valueOf(e.getOriginalMessage()));
    }
}
