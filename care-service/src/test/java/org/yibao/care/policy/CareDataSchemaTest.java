package org.yibao.care.policy;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published JSON Schemas of the care policies and scales ({@code schemas/care-policy.schema.json},
 * {@code schemas/care-scale.schema.json}), with which a bureau's editor checks a file before deploying
 * it, agree with what the service reads: every shipped file passes, a shape the reader refuses the
 * schema refuses too, and they name exactly the fields of the records the files are bound onto.
 */
class CareDataSchemaTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonSchema POLICY = schema("care-policy");
    private static final JsonSchema SCALE = schema("care-scale");

    private static final String VALID = """
            region: "500116"
            fromYear: 2023
            scale: BARTHEL
            eligibleLevels: [LEVEL_3]
            validityMonths: 24
            reassessmentMonths: 12
            institution:
              fundRatio: "0.70"
              dailyStandard: {LEVEL_3: "50.00"}
            home:
              fundRatio: "0.80"
              monthlyStandard: {LEVEL_3: "1200.00"}
            """;

    @Test
    void everyShippedFilePassesItsSchema() {
        assertThat(DataFiles.onClasspath(CarePolicies.PATTERN)).isNotEmpty().allSatisfy(
                f -> assertThat(errors(POLICY, f.text())).as(f.name()).isEmpty());
        assertThat(DataFiles.onClasspath(AssessmentScales.PATTERN)).isNotEmpty().allSatisfy(
                f -> assertThat(errors(SCALE, f.text())).as(f.name()).isEmpty());
        assertThat(errors(POLICY, VALID)).isEmpty();
    }

    /** Each line: what is replaced in a valid policy, by what; the reader and the schema both refuse the result. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"0.70\"           | \"1.70\"",
            "\"0.80\"           | 0.80",
            "\"50.00\"          | \"50.001\"",
            "region: \"500116\" | region: \"5001\"",
            "fromYear: 2023     | fromYear: 1999",
            "[LEVEL_3]          | [LEVEL_9]",
            "validityMonths: 24 | validityMonths: 0",
            "scale: BARTHEL     | scale: barthel",
            "home:              | copay: 1\\nhome:",
    })
    void aShapeTheReaderRefusesTheSchemaRefusesToo(String good, String bad) {
        String yaml = VALID.replace(good.trim().replace("\\n", "\n"), bad.trim().replace("\\n", "\n"));
        assertThat(yaml).isNotEqualTo(VALID);
        AssessmentScales scales = AssessmentScales.loadFromClasspath();

        assertThatThrownBy(() -> CarePolicy.of("500116-2023.yml", DataFiles.read(new DataFiles.DataFile("500116-2023.yml", yaml),
                PolicyFile.class), scales)).isInstanceOf(IllegalStateException.class);
        assertThat(errors(POLICY, yaml)).as(bad).isNotEmpty();
    }

    /** Every mapping of the files, as the reader binds it, has the same field names in the schema and refuses unknown keys. */
    @Test
    void theSchemasNameExactlyTheFieldsTheReaderBinds() {
        JsonNode policy = JsonMapper.shared().readTree(text("care-policy"));
        JsonNode scale = JsonMapper.shared().readTree(text("care-scale"));
        Map<Class<?>, JsonNode> shapes = Map.of(
                PolicyFile.class, policy,
                PolicyFile.Institution.class, policy.at("/properties/institution"),
                PolicyFile.Home.class, policy.at("/properties/home"),
                ScaleFile.class, scale,
                ScaleFile.Item.class, scale.at("/properties/items/items"),
                ScaleFile.Band.class, scale.at("/properties/levels/items"));
        shapes.forEach((type, node) -> {
            Set<String> bound = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(node.path("properties").propertyNames())).as(type.getSimpleName()).isEqualTo(bound);
            assertThat(node.path("additionalProperties").asBoolean(true)).as(type.getSimpleName() + " refuses unknown keys").isFalse();
        });
    }

    private static Set<ValidationMessage> errors(JsonSchema schema, String yaml) {
        JsonNode tree = YAML.readTree(yaml);
        return schema.validate(JsonMapper.shared().writeValueAsString(tree), InputFormat.JSON);
    }

    private static JsonSchema schema(String name) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text(name));
    }

    private static String text(String name) {
        try (InputStream in = CareDataSchemaTest.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
