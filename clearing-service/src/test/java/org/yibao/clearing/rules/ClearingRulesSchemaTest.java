package org.yibao.clearing.rules;

import org.yibao.web.config.DataFiles;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published JSON Schema of the clearing rules ({@code schemas/clearing-rules.schema.json}), with which a
 * bureau's editor checks a file before deploying it, agrees with what the service reads: every shipped file
 * passes, a shape the reader refuses the schema refuses too, and it names exactly the fields the reader binds.
 */
class ClearingRulesSchemaTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String TEXT = text();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(TEXT);

    private static final String VALID = """
            region: "411700"
            fromYear: 2021
            qualityDepositRatio: "0.05"
            monthlyCapFactor: "1.10"
            surplusRetentionMinimumUse: "0.85"
            surplusRetention:
              - {upToShareOfBudget: "0.10", share: "0.60"}
            overspendSharing:
              - {upToShareOfBudget: "0.10", share: "0.70"}
            depositRelease:
              - {minScore: "90", releasedShare: "1"}
            """;

    @Test
    void everyShippedFileAndTheLimitsPassTheSchema() {
        assertThat(DataFiles.onClasspath(ClearingRules.PATTERN)).isNotEmpty()
                .allSatisfy(f -> assertThat(errors(f.text())).as(f.name()).isEmpty());
        for (String ratio : List.of("0", "0.0", "0.3", "0.30", "0.2999", "0.05")) {
            assertThat(errors(VALID.replace("\"0.05\"", "\"" + ratio + "\""))).as(ratio).isEmpty();
        }
        for (String factor : List.of("0.5", "1", "2.5", "3", "3.0")) {
            assertThat(errors(VALID.replace("\"1.10\"", "\"" + factor + "\""))).as(factor).isEmpty();
        }
    }

    /** Each line: what is replaced in a valid file, by what; the reader and the schema both refuse the result. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"0.05\"           | \"0.31\"",
            "\"0.05\"           | 0.05",
            "\"0.05\"           | \"-0.05\"",
            "\"1.10\"           | \"0.4\"",
            "\"1.10\"           | \"3.01\"",
            "\"1.10\"           | \"x\"",
            "region: \"411700\" | region: \"4117\"",
            "fromYear: 2021     | fromYear: 1999",
            "fromYear: 2021     | fromYear: 2021\\nmonthlyCap: \"1\"",
            "share: \"0.60\"    | share: 0.60",
            "share: \"0.60\"    | share: \"1.5\"",
            "share: \"0.60\"}   | share: \"0.60\", extra: \"1\"}",
            "minScore: \"90\"   | minScore: \"x\"",
            "minScore: \"90\"   | minScore: \"101\"",
    })
    void aShapeTheReaderRefusesTheSchemaRefusesToo(String good, String bad) {
        String yaml = VALID.replace(good.trim().replace("\\n", "\n"), bad.trim().replace("\\n", "\n"));
        assertThat(yaml).isNotEqualTo(VALID);

        String name = yaml.contains("1999") ? "411700-1999.yml" : "411700-2021.yml";
        assertThatThrownBy(() -> ClearingRules.load(List.of(new DataFiles.DataFile(name, yaml)))).isInstanceOf(IllegalStateException.class);
        assertThat(errors(yaml)).as(bad).isNotEmpty();
    }

    @Test
    void theSchemaNamesExactlyTheFieldsTheReaderBinds() {
        JsonNode schema = JsonMapper.shared().readTree(TEXT);
        Set<String> bound = Arrays.stream(RulesFile.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(schema.path("properties").propertyNames())).isEqualTo(bound);
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    private static Set<ValidationMessage> errors(String yaml) {
        return SCHEMA.validate(JsonMapper.shared().writeValueAsString(YAML.readTree(yaml)), InputFormat.JSON);
    }

    private static String text() {
        try (InputStream in = ClearingRulesSchemaTest.class.getResourceAsStream("/schemas/clearing-rules.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
