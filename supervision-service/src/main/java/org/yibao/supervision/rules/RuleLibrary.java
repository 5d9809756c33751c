package org.yibao.supervision.rules;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yibao.supervision.knowledge.StrictYaml;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rule library (规则库): entries as data ({@code yibao.supervision.rule-library}, default the file
 * shipped with the service), each naming a rule type (code) and its parameters, loaded and checked at
 * start: a file that does not fit stops the service naming the entry and the field. Candidate entries
 * for backtesting are read by the same checks ({@link #parse}).
 */
@Component
public class RuleLibrary {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9-]{1,39}");

    private final String version;
    private final List<RuleEntry> entries;
    private final Map<String, RuleType<Object>> types;

    @Autowired
    RuleLibrary(@Value("${yibao.supervision.rule-library:classpath:rules/rule-library.yml}") String location,
                List<RuleType<?>> types) {
        this(read(location), types);
    }

    private RuleLibrary(Map.Entry<String, String> file, List<RuleType<?>> types) {
        this.types = byName(types);
        Parsed parsed = parse(file.getKey(), file.getValue(), this.types);
        this.version = parsed.version();
        this.entries = parsed.entries();
    }

    /** A library of these entries (tests). */
    public RuleLibrary(String version, List<RuleEntry> entries, List<RuleType<?>> types) {
        this.types = byName(types);
        this.version = version;
        this.entries = List.copyOf(entries);
    }

    /** A file read and checked: its version and entries in the file's order. */
    public record Parsed(String version, List<RuleEntry> entries) {
    }

    public String version() {
        return version;
    }

    /** Every entry, enabled or not, in the file's order. */
    public List<RuleEntry> entries() {
        return entries;
    }

    public Optional<RuleEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The rule types by name. */
    public Set<String> typeNames() {
        return new TreeSet<>(types.keySet());
    }

    /** Reads candidate entries in the library's format (for backtesting): the same checks as at start. */
    public Parsed parse(String file, String text) {
        return parse(file, text, types);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, RuleType<Object>> byName(List<RuleType<?>> types) {
        Map<String, RuleType<Object>> byName = new HashMap<>();
        for (RuleType<?> t : types) {
            if (byName.put(t.name(), (RuleType<Object>) t) != null) {
                throw new IllegalStateException("two rule types are named " + t.name());
            }
        }
        return byName;
    }

    private static Parsed parse(String file, String text, Map<String, RuleType<Object>> types) {
        RuleLibraryFile f = StrictYaml.read(file, text, RuleLibraryFile.class);
        if (f == null) {
            throw new IllegalStateException(file + ": is empty");
        }
        if (f.version() == null || f.version().isBlank()) {
            throw new IllegalStateException(file + ": version: is required");
        }
        if (f.rules() == null || f.rules().isEmpty()) {
            throw new IllegalStateException(file + ": rules: must list at least one rule");
        }
        List<RuleEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < f.rules().size(); i++) {
            RuleLibraryFile.Entry e = f.rules().get(i);
            String at = "rules[" + i + "]";
            require(file, e != null, at, "is empty");
            require(file, e.id() != null && ID.matcher(e.id()).matches(), at + ".id",
                    "must be upper-case letters, digits and -, starting with a letter (e.g. SB-01)");
            at = "rules[" + i + "] (" + e.id() + ")";
            require(file, ids.add(e.id()), at + ".id", "is used by an earlier rule");
            require(file, e.name() != null && !e.name().isBlank() && e.name().length() <= 200, at + ".name", "is required (at most 200)");
            require(file, e.kind() != null, at + ".kind", "is required: the kind of violation (AuditRule)");
            RuleType<Object> type = types.get(e.type());
            require(file, type != null, at + ".type", "\"" + e.type() + "\" is not a rule type; expected one of " + new TreeSet<>(types.keySet()));
            require(file, e.scenes() != null && !e.scenes().isEmpty(), at + ".scenes", "must list at least one of " + List.of(Scene.values()));
            require(file, e.stages() != null && !e.stages().isEmpty(), at + ".stages", "must list at least one of " + List.of(Stage.values()));
            require(file, e.severity() != null, at + ".severity", "is required: VIOLATION or SUSPECT");
            require(file, e.basis() != null && !e.basis().isBlank(), at + ".basis", "is required: the rule's source (national framework, seed or ASSUMPTION)");
            Object parameters = StrictYaml.convert(file, at + ".parameters",
                    e.parameters() == null ? JsonNodeFactory.instance.objectNode() : e.parameters(), type.parameters());
            entries.add(new RuleEntry(e.id(), e.name(), e.kind(), type, Set.copyOf(e.scenes()), Set.copyOf(e.stages()),
                    e.severity(), e.enabled() == null || e.enabled(), e.basis(),
                    e.exemptions() == null ? Set.of() : Set.copyOf(e.exemptions()), parameters));
        }
        return new Parsed(f.version(), entries);
    }

    private static void require(String file, boolean ok, String at, String reason) {
        if (!ok) {
            throw new IllegalStateException(file + ": " + at + ": " + reason);
        }
    }

    private static Map.Entry<String, String> read(String location) {
        try {
            Resource r = new PathMatchingResourcePatternResolver().getResource(location);
            return Map.entry(r.getFilename() == null ? location : r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("rule library " + location + " cannot be read", e);
        }
    }
}
