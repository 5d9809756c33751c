package org.yibao.his.national;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeclarationsReaderTest {

    private static final Map<String, Map<String, String>> FLAGS = Map.of("flag", Map.of("0", "否", "1", "是"));

    // --- the shipped files: the same declarations as the files read as plain YAML ---

    @Test
    void theShippedFilesResolveTheirAnchorsAndMergesAsPlainYamlDoes() {
        for (String file : List.of(DeclarationsReader.TRANSACTIONS, DeclarationsReader.DICTIONARIES)) {
            String text = DeclarationsReader.resource(file);
            var resolved = AnchoredYaml.read(YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build(), text);

            // SnakeYAML (YAML 1.1, merge keys) as the old reader loaded the files; toString keeps the keys' order
            assertThat(resolved.toString()).as(file).isEqualTo(JsonMapper.shared().valueToTree(plainYaml(file)).toString());
        }
    }

    @Test
    void theShippedFilesGiveTheDeclarationsTheFilesReadAsPlainYamlGive() {
        Declarations declarations = new Declarations();
        Map<?, ?> dictionaries = plainYaml(DeclarationsReader.DICTIONARIES);
        Map<?, ?> transactions = plainYaml(DeclarationsReader.TRANSACTIONS);

        assertThat(declarations.dictionaries().keySet()).containsExactlyInAnyOrderElementsOf(strings(dictionaries.keySet()));
        dictionaries.forEach((table, codes) -> {
            Map<String, String> expected = new LinkedHashMap<>();
            ((Map<?, ?>) codes).forEach((code, label) -> expected.put(String.valueOf(code), String.valueOf(label)));
            assertThat(new ArrayList<>(declarations.dictionaries().get(String.valueOf(table)).entrySet())).as("%s", table)
                    .containsExactlyElementsOf(expected.entrySet());
        });
        assertThat(declarations.infnos()).hasSize(53).containsExactlyInAnyOrderElementsOf(strings(transactions.keySet()));
        transactions.forEach((infno, body) -> {
            Map<?, ?> transaction = (Map<?, ?>) body;
            assertThat(declarations.of(String.valueOf(infno))).isEqualTo(new Declarations.Declared(String.valueOf(infno),
                    String.valueOf(transaction.get("name")), parentsFirst(transaction.get("input")), parentsFirst(transaction.get("output"))));
        });
        // what the merges and aliases say, spelt out
        assertThat(declarations.of("2207").input()).isEqualTo(declarations.of("2206").input());
        assertThat(declarations.of("2305").output()).isEqualTo(declarations.of("2206").output());
        assertThat(declarations.of("2601").output().get(0)).isEqualTo(FieldSpec.parse("setlinfo", "obj"));
        assertThat(declarations.of("2102").input()).isEqualTo(declarations.of("2101").input());
        assertThat(declarations.of("2102").output()).isEqualTo(declarations.of("2206").output());
    }

    /** The fields of a part as the old reader made them: in the file's order, then parents before children. */
    private static List<FieldSpec> parentsFirst(Object part) {
        List<FieldSpec> fields = new ArrayList<>();
        if (part != null) {
            ((Map<?, ?>) part).forEach((path, line) -> fields.add(FieldSpec.parse(String.valueOf(path), String.valueOf(line))));
        }
        fields.sort(Comparator.comparingInt((FieldSpec f) -> f.path().split("\\.").length));
        return fields;
    }

    private static Map<?, ?> plainYaml(String file) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(DeclarationsReader.resource(file));
    }

    private static List<String> strings(java.util.Collection<?> keys) {
        return keys.stream().map(String::valueOf).toList();
    }

    // --- merges ---

    @Test
    void aMergeTakesTheMergedKeysTheMappingDoesNotSetItselfInTheirPlace() {
        var declared = DeclarationsReader.transactions("transactions.yml", """
                "2206": &settle
                  name: 门诊预结算
                  input:
                    data: obj !
                    data.psn_no: str 30 !
                  output: &settleOutput
                    setlinfo: obj !
                    setlinfo.setl_id: str 30
                    setlinfo.mid_setl_flag: code flag !
                "2207":
                  <<: *settle
                  name: 门诊结算
                "2601":
                  output:
                    setlinfo.setl_id: str 40
                    <<: *settleOutput
                    setlinfo: obj
                """, FLAGS);

        assertThat(declared.get("2207")).isEqualTo(new Declarations.Declared("2207", "门诊结算",
                declared.get("2206").input(), declared.get("2206").output()));
        assertThat(declared.get("2601").output()).containsExactly(FieldSpec.parse("setlinfo", "obj"),
                FieldSpec.parse("setlinfo.setl_id", "str 40"), FieldSpec.parse("setlinfo.mid_setl_flag", "code flag !"));
        assertThat(declared.get("2601").name()).isEqualTo("2601");
    }

    @Test
    void aMergeOfSomethingElseThanAnAnchoredMappingIsRefusedNamingIt() {
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "2207":
                  <<: *settle
                """, FLAGS)).hasMessageStartingWith("transactions.yml: (file): found undefined alias settle (line 2");
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "2207":
                  name: 门诊结算
                  output:
                    <<: 2206
                """, FLAGS)).hasMessageStartingWith("transactions.yml: (file): expected a mapping or list of mappings for merging");
    }

    // --- shapes the hand-written reader let through ---

    @Test
    void aMisspeltPartIsRefusedRatherThanLeavingTheTransactionUnchecked() {
        // the old reader ignored "imput": 9001 then declared no input, and every sign-in passed unchecked
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "9001":
                  name: 签到
                  imput:
                    signIn: obj !
                """, FLAGS)).isInstanceOf(IllegalStateException.class)
                .hasMessage("transactions.yml: 9001.imput: is not a known field; expected one of [input, name, output]");
    }

    @Test
    void aFieldDeclaredTwiceIsRefusedRatherThanTheLastOneWinning() {
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "9001":
                  input:
                    signIn: obj !
                    signIn.opter_no: str 30 !
                    signIn.opter_no: str 30
                """, FLAGS)).hasMessage("transactions.yml: (file): found duplicate key signIn.opter_no (line 5, column 5)");
        assertThatThrownBy(() -> DeclarationsReader.dictionaries("dictionaries.yml", """
                flag:
                  "0": 否
                flag:
                  "1": 是
                """)).hasMessageStartingWith("dictionaries.yml: (file): found duplicate key flag (line 3");
    }

    @Test
    void aCodeWrittenAsANumberIsRefusedRatherThanReadAsAnotherCode() {
        // YAML 1.1 reads an unquoted 01 as the number 1: the code would silently have become "1"
        assertThatThrownBy(() -> DeclarationsReader.dictionaries("dictionaries.yml", """
                psn_cert_type:
                  01: 居民身份证
                """)).hasMessage("dictionaries.yml: psn_cert_type: key 1 must be written as text (quoted, e.g. \"01\")");
    }

    @Test
    void aNumberOrTrueWhereTextBelongsIsRefusedRatherThanTurnedIntoText() {
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "2207":
                  name: 2207
                """, FLAGS)).hasMessage("transactions.yml: 2207.name: must be text, was 2207");
        assertThatThrownBy(() -> DeclarationsReader.dictionaries("dictionaries.yml", """
                flag:
                  "0": false
                  "1": true
                """)).hasMessage("dictionaries.yml: flag.0: must be text, was false");
        assertThatThrownBy(() -> DeclarationsReader.dictionaries("dictionaries.yml", """
                gend:
                  "1": 男
                  "2":
                """)).hasMessage("dictionaries.yml: gend.2: has no label");
    }

    // --- the refusals the reader kept ---

    @Test
    void aDeclarationThatDoesNotHoldIsRefusedNamingTheFieldAndWhy() {
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "9001":
                  input:
                    data: object !
                """, FLAGS)).hasMessage("transactions.yml: 9001.input.data: 'object !' is not a field declaration"
                + " (e.g. 'str 30 !', 'num 16,2', 'code insutype')");
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "9001":
                  input:
                    data: obj !
                    data.insutype: code insutype
                """, FLAGS)).hasMessage("transactions.yml: 9001.input.data.insutype: names the dictionary insutype,"
                + " which dictionaries.yml does not have");
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "9001":
                  output:
                    signinoutb.sign_no: str 30 !
                """, FLAGS)).hasMessage("transactions.yml: 9001.output.signinoutb.sign_no: has no declared parent signinoutb");
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "9001":
                  input: [signIn, signOut]
                """, FLAGS)).hasMessage("transactions.yml: 9001.input: must map field paths to declarations");
        assertThatThrownBy(() -> DeclarationsReader.transactions("transactions.yml", """
                "901":
                  name: 签到
                """, FLAGS)).hasMessage("transactions.yml: 901: is not a four-digit transaction (or its A variant, such as 4101A) with its fields");
        assertThatThrownBy(() -> DeclarationsReader.dictionaries("dictionaries.yml", """
                flag: {}
                """)).hasMessage("dictionaries.yml: flag: must map codes to labels");
    }
}
