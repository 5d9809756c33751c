package org.yibao.enrollment.importing;

import org.yibao.web.csv.CsvRow;
import org.yibao.web.text.TextUpload;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 参保数据比对: compares another registry's enrollment list (another region's residents, the employee
 * system, a neighbouring province) with ours and reports everyone enrolled on both sides for the same
 * year, so the duplicate can be cleared. Streamed like an import; reads only.
 *
 * <pre>personId,scheme,regionCode,year</pre>
 */
@Service
public class DuplicateCheckService {

    static final List<String> COLUMNS = List.of("personId", "scheme", "regionCode", "year");
    static final int CHUNK = 5_000;
    static final int LISTED = 10_000;

    private final ImportStore store;

    DuplicateCheckService(ImportStore store) {
        this.store = store;
    }

    /** A person enrolled both in the other registry (their line) and here. */
    public record Duplicate(long line, String personId, String theirScheme, String theirRegion, String ourScheme,
                            String ourRegion, int year) {
    }

    public record Report(long rows, long duplicates, long invalid, List<Duplicate> listed,
                         List<ImportReport.RowError> invalidRows) {
    }

    private record Entry(long line, String personId, String scheme, String region, int year) {

        PersonYear key() {
            return new PersonYear(personId, year);
        }
    }

    @Transactional(readOnly = true)
    public Report check(InputStream body, String contentType) throws IOException {
        List<Duplicate> listed = new ArrayList<>();
        List<ImportReport.RowError> invalid = new ArrayList<>();
        long rows = 0;
        long duplicates = 0;
        long invalidCount = 0;
        try (TextUpload in = TextUpload.open(body, contentType)) {
            String header = in.header();
            if (header == null || !java.util.Arrays.asList(java.util.Objects.requireNonNullElse(CsvRow.cells(header.replace("\uFEFF", "").trim()), new String[0])).equals(COLUMNS)) {
                throw new InvalidRequestException("header", "must be exactly " + String.join(",", COLUMNS));
            }
            List<Entry> chunk = new ArrayList<>(CHUNK);
            long line = 1;
            for (TextUpload.Line read = in.next(); ; read = in.next()) {
                String text = read == null ? null : read.readable() ? read.text() : "";
                if (read != null) {
                    line++;
                    if (read.readable() && text.isBlank()) {
                        continue;
                    }
                    rows++;
                    String[] f = CsvRow.cells(text);
                    ResidentId.Parsed person = f != null && f.length == COLUMNS.size() ? ResidentId.parse(f[0]) : null;
                    ImportReport.RowError error = !read.readable() ? new ImportReport.RowError(line, "(row)", read.problem())
                            : f == null ? new ImportReport.RowError(line, "(row)", CsvRow.UNCLOSED_QUOTE)
                            : person == null
                            ? new ImportReport.RowError(line, "(row)", "has " + f.length + " fields, expected " + COLUMNS.size())
                            : !person.valid() ? new ImportReport.RowError(line, "personId", person.problem())
                            : !f[3].trim().matches("20[0-9]{2}") ? new ImportReport.RowError(line, "year", "year must be a year such as 2026")
                            : null;
                    if (error != null) {
                        invalidCount++;
                        if (invalid.size() < LISTED) {
                            invalid.add(error);
                        }
                    } else {
                        chunk.add(new Entry(line, person.id().value(), f[1].trim(), f[2].trim(), Integer.parseInt(f[3].trim())));
                    }
                }
                if (chunk.size() == CHUNK || (text == null && !chunk.isEmpty())) {
                    for (Duplicate d : matches(chunk)) {
                        duplicates++;
                        if (listed.size() < LISTED) {
                            listed.add(d);
                        }
                    }
                    chunk.clear();
                }
                if (text == null) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        return new Report(rows, duplicates, invalidCount, listed, invalid);
    }

    /** The chunk's entries we also enroll, by line; an entry repeated in the chunk is matched once per repetition. */
    private List<Duplicate> matches(List<Entry> chunk) {
        Map<PersonYear, List<Entry>> byKey = new HashMap<>();
        chunk.forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        List<Duplicate> found = new ArrayList<>();
        for (ImportStore.ActiveEnrollment ours : store.activeEnrollments(chunk.stream().map(Entry::key).toList())) {
            for (Entry theirs : byKey.getOrDefault(ours.key(), List.of())) {
                found.add(new Duplicate(theirs.line(), IdMasking.mask(theirs.personId()), theirs.scheme(), theirs.region(),
                        ours.scheme(), ours.regionCode(), theirs.year()));
            }
        }
        found.sort((a, b) -> Long.compare(a.line(), b.line()));
        return found;
    }
}
