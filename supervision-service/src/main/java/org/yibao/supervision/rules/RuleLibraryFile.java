package org.yibao.supervision.rules;

import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.Severity;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** The rule library's file as written (docs/rule-library.md); {@link RuleLibrary} checks it. */
record RuleLibraryFile(String version, List<Entry> rules) {

    record Entry(String id, String name, AuditRule kind, String type, List<Scene> scenes, List<Stage> stages,
                 Severity severity, Boolean enabled, String basis, List<Exemption> exemptions, JsonNode parameters) {
    }
}
