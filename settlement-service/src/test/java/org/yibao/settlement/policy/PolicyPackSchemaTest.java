package org.yibao.settlement.policy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
 * The published JSON Schema of policy packs ({@code schemas/policy-pack.schema.json}), with which a
 * bureau's editor checks a pack before deploying it, agrees with what the service reads: every
 * shipped pack passes it, a shape the reader refuses it refuses too, and it names exactly the fields
 * of {@link PolicyPackFile}.
 */
class PolicyPackSchemaTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonSchema SCHEMA = schema();

    @Test
    void everyShippedPackPassesThePublishedSchema() throws IOException {
        Resource[] packs = new PathMatchingResourcePatternResolver().getResources(PolicyPacks.LOCATION);
        assertThat(packs).hasSizeGreaterThanOrEqualTo(7);
        for (Resource pack : packs) {
            assertThat(errors(pack.getContentAsString(StandardCharsets.UTF_8))).as(pack.getFilename()).isEmpty();
        }
    }

    /** Each line: what is replaced in a valid pack, by what; the reader and the schema both refuse the result. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RESIDENT: { LEVEL_3: 0.60 } | RESIDENT: { LEVEL_3: 1.60 }",
            "LEVEL_3: \"700.00\" }       | LEVEL_3: 700.5 }",
            "annualCap: \"100000.00\"    | annualCap: \"100000.001\"",
            "capPool: inpatient          | capPool: inpatient\\n    copay: 0.1",
            "scheme: RESIDENT            | scheme: FARMER",
            "code: \"441700\"            | code: \"4417\"",
            "- { ratio: 0.70 }           | - { width: \"1.00\" }",
            "INPATIENT:\\n    capPool    | SURGERY:\\n    capPool",
            "RESIDENT: { LEVEL_3: 0.60 } | RESIDENT: { LEVEL_9: 0.60 }",
            "thresholdFactor: 0.20,      | thresholdFactor: 0.20, threshold: \"3000.00\",",
            "version: 2                  | version: 0",
            "deductible: { LEVEL_3: \"700.00\" } | deductible: { LEVEL_3: \"-1.00\" }",
            "annualCap: \"100000.00\"    | annualCap: { RESIDENT: { EMPLOYER: \"100.00\" }, EMPLOYEE_ACTIVE: { EMPLOYER: \"1.00\" } }",
            // issue 22: a fixed payment takes no ratio; an assistance ratio by visit type is a ratio
            "capPool: inpatient          | capPool: inpatient\\n    fixedPayment: { NATURAL: { LEVEL_3: \"2000.00\" } }",
            "noCap: true }               | noCap: true }\\nassistance: { MINIMUM_LIVING: { ratio: 0.7, annualLimit: \"1.00\", ratioByVisit: { INPATIENT: 2 } } }",
            "noCap: true }               | noCap: true }\\nmaternityLeave: { baseDays: 98 }",
    })
    void aShapeTheReaderRefusesTheSchemaRefusesToo(String good, String bad) {
        String yaml = PolicyPackReaderTestPacks.VALID.replace(good.trim().replace("\\n", "\n"), bad.trim().replace("\\n", "\n"));
        assertThat(yaml).isNotEqualTo(PolicyPackReaderTestPacks.VALID);

        assertThatThrownBy(() -> PolicyPackReader.read("test-2024-resident.yml", yaml)).isInstanceOf(InvalidPolicyPackException.class);
        assertThat(errors(yaml)).as(bad).isNotEmpty();
    }

    @Test
    void theValidTestPackPassesBoth() {
        assertThat(errors(PolicyPackReaderTestPacks.VALID)).isEmpty();
        assertThat(PolicyPackReader.read("test-2024-resident.yml", PolicyPackReaderTestPacks.VALID)).isNotNull();
    }

    /** Every mapping of the file, as the reader binds it, has the same field names in the schema. */
    @Test
    void theSchemaNamesExactlyTheFieldsTheReaderBinds() {
        JsonNode schema = JsonMapper.shared().readTree(schemaText());
        Map<Class<?>, JsonNode> shapes = Map.ofEntries(
                Map.entry(PolicyPackFile.class, schema),
                Map.entry(PolicyPackFile.Region.class, schema.at("/properties/region")),
                Map.entry(PolicyPackFile.Visit.class, schema.at("/$defs/visit")),
                Map.entry(PolicyPackFile.OutOfArea.class, schema.at("/$defs/outOfArea")),
                Map.entry(PolicyPackFile.Catastrophic.class, schema.at("/$defs/catastrophic")),
                Map.entry(PolicyPackFile.Band.class, schema.at("/$defs/band")),
                Map.entry(PolicyPackFile.Tilt.class, schema.at("/$defs/tilt")),
                Map.entry(PolicyPackFile.Supplementary.class, schema.at("/$defs/supplementary")),
                Map.entry(PolicyPackFile.Share.class, schema.at("/$defs/share")),
                Map.entry(PolicyPackFile.ZeroPay.class, schema.at("/$defs/zeroPay")),
                Map.entry(PolicyPackFile.MaternityLeave.class, schema.at("/$defs/maternityLeave")));
        shapes.forEach((type, node) -> {
            Set<String> bound = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> published = new TreeSet<>(node.path("properties").propertyNames());
            assertThat(published).as(type.getSimpleName()).isEqualTo(bound);
            assertThat(node.path("additionalProperties").asBoolean(true)).as(type.getSimpleName() + " refuses unknown keys").isFalse();
        });
    }

    private static Set<ValidationMessage> errors(String yaml) {
        JsonNode tree = YAML.readTree(yaml);
        return SCHEMA.validate(JsonMapper.shared().writeValueAsString(tree), InputFormat.JSON);
    }

    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText());
    }

    private static String schemaText() {
        try (InputStream in = PolicyPackSchemaTest.class.getResourceAsStream("/schemas/policy-pack.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
