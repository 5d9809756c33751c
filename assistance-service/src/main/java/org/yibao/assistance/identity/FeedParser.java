package org.yibao.assistance.identity;

import org.yibao.web.csv.CsvRow;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.identity.ResidentId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads feed rows from CSV or JSON lines with the same fields. A row is either a {@link FeedRow} or a
 * rejection naming the field and the reason; nothing here touches the database.
 */
final class FeedParser {

    static final List<String> CSV_COLUMNS = List.of("source", "sourceRecordId", "personId", "category", "validFrom",
            "validTo", "regionCode");
    static final Set<String> SOURCES = Set.of("civil-affairs", "rural-revitalization", "disabled-federation", "veterans-affairs");

    /** A parsed row or why it was rejected. */
    record Parsed(FeedRow row, FeedReport.RowError error) {
        static Parsed ok(FeedRow row) {
            return new Parsed(row, null);
        }

        static Parsed bad(long line, String field, String reason) {
            return new Parsed(null, new FeedReport.RowError(line, field, reason));
        }
    }

    private final JsonMapper json;

    FeedParser(JsonMapper json) {
        this.json = json;
    }

    Parsed csv(long line, String text) {
        String[] f = CsvRow.cells(text);
        if (f == null) {
            return Parsed.bad(line, "(row)", CsvRow.UNCLOSED_QUOTE);
        }
        if (f.length != CSV_COLUMNS.size() && f.length != CSV_COLUMNS.size() - 1) {
            return Parsed.bad(line, "(row)", "has " + f.length + " fields, expected " + CSV_COLUMNS.size());
        }
        return row(line, f[0], f[1], f[2], f[3], f[4], f[5], f.length > 6 ? f[6] : "");
    }

    Parsed jsonLine(long line, String text) {
        JsonNode n;
        try {
            n = json.readTree(text);
        } catch (JacksonException e) {
            return Parsed.bad(line, "(row)", "is not a JSON object");
        }
        if (n == null || !n.isObject()) {
            return Parsed.bad(line, "(row)", "is not a JSON object");
        }
        return row(line, text(n, "source"), text(n, "sourceRecordId"), text(n, "personId"), text(n, "category"),
                text(n, "validFrom"), text(n, "validTo"), text(n, "regionCode"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }

    Parsed row(long line, String source, String recordId, String personId, String category, String from, String to,
               String region) {
        source = source.trim();
        if (!SOURCES.contains(source)) {
            return Parsed.bad(line, "source", "must be one of " + SOURCES.stream().sorted().toList());
        }
        recordId = recordId.trim();
        if (recordId.isEmpty() || recordId.length() > 64) {
            return Parsed.bad(line, "sourceRecordId", recordId.isEmpty() ? "is required" : "is longer than 64 characters");
        }
        ResidentId.Parsed person = ResidentId.parse(personId);
        if (!person.valid()) {
            return Parsed.bad(line, "personId", person.problem());
        }
        String id = person.id().value();
        AssistanceCategory c;
        try {
            c = AssistanceCategory.valueOf(category.trim());
        } catch (IllegalArgumentException e) {
            return Parsed.bad(line, "category", "is not an assistance category: '" + category.trim() + "'");
        }
        LocalDate validFrom;
        Optional<LocalDate> validTo;
        try {
            validFrom = LocalDate.parse(from.trim());
        } catch (DateTimeParseException e) {
            return Parsed.bad(line, "validFrom", "must be a date such as 2026-01-01");
        }
        try {
            validTo = to.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(to.trim()));
        } catch (DateTimeParseException e) {
            return Parsed.bad(line, "validTo", "must be a date such as 2026-12-31, or empty");
        }
        if (validTo.isPresent() && validTo.get().isBefore(validFrom)) {
            return Parsed.bad(line, "validTo", "is before validFrom");
        }
        String regionCode = region.isBlank() ? person.id().regionCode() : region.trim();
        if (!regionCode.matches("[1-9][0-9]{5}")) {
            return Parsed.bad(line, "regionCode", "must be a 6-digit administrative division code");
        }
        return Parsed.ok(new FeedRow(line, source, recordId, id, regionCode, c, validFrom, validTo));
    }
}
