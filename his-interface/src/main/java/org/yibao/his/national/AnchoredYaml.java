package org.yibao.his.national;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.List;
import java.util.Map;

/**
 * A YAML text read into a tree as YAML means it, to be bound onto records: aliases
 * ({@code *settleOutput}) and merge keys ({@code <<: *outpatientSettle}) resolved by SnakeYAML (a
 * mapping's own keys win over merged ones), a key written twice in one mapping refused. Jackson's
 * YAML parser leaves aliases and merges as plain text, so its binding cannot do this itself; SnakeYAML
 * (which Spring Boot already brings) resolves them, and Jackson binds the resolved tree.
 *
 * <p>Every key must be text: an unquoted {@code 01:} would be YAML 1.1's number 1 and silently become
 * the code "1". What this reader refuses is a {@link Refusal} whose message is the reason alone, with
 * the field path in the exception's path where it is known (SnakeYAML's own refusals give the line
 * and column instead).
 */
final class AnchoredYaml {

    private AnchoredYaml() {
    }

    /** The tree of the text's one document, or null when the text holds none. */
    static JsonNode read(ObjectMapper json, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new Refusal(e.getProblem() + (mark == null ? ""
                    : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")"));
        } catch (YAMLException e) {
            throw new Refusal(e.getMessage());
        }
        if (loaded == null) {
            return null;
        }
        textKeys(loaded);
        return json.valueToTree(loaded);
    }

    private static void textKeys(Object node) {
        if (node instanceof Map<?, ?> mapping) {
            for (Map.Entry<?, ?> e : mapping.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new Refusal("key " + e.getKey() + " must be written as text (quoted, e.g. \"01\")");
                }
                try {
                    textKeys(e.getValue());
                } catch (JacksonException refused) {
                    throw refused.prependPath(new JacksonException.Reference(mapping, key));
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                try {
                    textKeys(list.get(i));
                } catch (JacksonException refused) {
                    throw refused.prependPath(new JacksonException.Reference(list, i));
                }
            }
        }
    }

    /** What this reader refuses; the message is the reason a reader of the file reads. */
    static final class Refusal extends MismatchedInputException {
        Refusal(String reason) {
            super((JsonParser) null, reason, (Class<?>) null);
        }
    }
}
