package org.yibao.settlement.mapping;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.settlement.catalog.CatalogFile;
import org.yibao.settlement.catalog.CatalogItem;
import org.yibao.settlement.catalog.CatalogStore;
import org.yibao.web.problem.FieldProblem;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Institutions' own codes mapped to the national catalog (目录对照): submitted by the institution (3301,
 * a file, the native API), reviewed by the bureau, revoked by the institution (3302); and the check a fee
 * line passes when it names the institution's own code: the mapping in force on the line's date must be
 * approved, agree with the national code the line gives, and point at an item in the catalog on that date.
 */
@Service
public class ItemMappings {

    /**
     * One mapping as submitted.
     *
     * @param validTo null: open-ended
     */
    public record Submission(String ownCode, String ownName, String listType, String nationalCode, LocalDate validFrom,
                             LocalDate validTo) {
    }

    /** A fee line's codes as a check reads them: the institution's own and, if the line gives one, the national. */
    public record LineCodes(String ownCode, String nationalCode) {
    }

    /** Why a line's codes do not pass: which of its two codes ({@code OWN} or {@code NATIONAL}) and the reason. */
    public record LineProblem(int index, Field field, String reason) {

        public enum Field { OWN, NATIONAL }
    }

    /** What a mapping file did: rows read, mappings submitted (new or changed), rows already as they stand (pending or approved). */
    public record FileReport(long rows, boolean applied, long submitted, long unchanged, List<CatalogFile.RowError> rejectedRows) {
    }

    private final MappingStore store;
    private final CatalogStore catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ItemMappings(MappingStore store, CatalogStore catalog, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Submits mappings for the bureau's review, all or none: 400 naming {@code items[n].<field>} for each
     * that cannot be (a national code not in the catalog on its begin date, a change of an approved mapping's
     * national code, the same own code and date twice).
     *
     * @return the mappings as they now stand
     */
    @Transactional
    public List<ItemMapping> submit(String institution, List<Submission> items, String submittedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ItemMapping> written = new ArrayList<>();
        apply(institution, items, submittedBy, (i, field, reason) -> problems.add(new FieldProblem("items[" + i + "]." + field, reason)),
                (m, changed) -> written.add(m));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return written;
    }

    /**
     * A mapping file (3301's fields as columns), all rows or none: 200 with the counts, or the report of
     * every refused row (nothing changed).
     */
    public FileReport importFile(String institution, InputStream body, String contentType, String submittedBy) {
        return transactions.execute(status -> {
            List<CatalogFile.RowError> problems = new ArrayList<>();
            Map<String, Long> firstLine = new HashMap<>();   // own code and begin date -> line (a hospital's file: thousands)
            long[] submitted = {0};
            long[] unchanged = {0};
            CatalogFile.Read read;
            try {
                read = CatalogFile.read(body, contentType, MappingRow.LAYOUT, 2_000, rows -> {
                    List<MappingRow> chunk = new ArrayList<>();
                    for (MappingRow row : rows) {
                        Long first = firstLine.putIfAbsent(row.submission().ownCode() + "@" + row.submission().validFrom(), row.line());
                        if (first == null) {
                            chunk.add(row);
                        } else {
                            problems.add(new CatalogFile.RowError(row.line(), "fixmedins_hilist_id",
                                    "repeats line " + first + " (the same fixmedins_hilist_id and begndate)"));
                        }
                    }
                    if (!problems.isEmpty()) {
                        // once a row is refused nothing is written; the rest are still checked against the catalog
                        List<Submission> items = chunk.stream().map(MappingRow::submission).toList();
                        validate(items, store.findAll(institution, items.stream().map(Submission::ownCode).toList(),
                                        items.stream().map(Submission::validFrom).toList()),
                                (i, field, reason) -> problems.add(new CatalogFile.RowError(chunk.get(i).line(), column(field), reason)));
                        return;
                    }
                    apply(institution, chunk.stream().map(MappingRow::submission).toList(), submittedBy,
                            (i, field, reason) -> problems.add(new CatalogFile.RowError(chunk.get(i).line(), column(field), reason)),
                            (m, changed) -> {
                                if (changed) {
                                    submitted[0]++;
                                } else {
                                    unchanged[0]++;
                                }
                            });
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            problems.sort(Comparator.comparingLong(CatalogFile.RowError::line));
            read = read.plus(problems.size(), problems.subList(0, Math.min(problems.size(), CatalogFile.LISTED)));
            if (read.refused() > 0) {
                status.setRollbackOnly();
                return new FileReport(read.rows(), false, 0, 0, read.errors());
            }
            return new FileReport(read.rows(), true, submitted[0], unchanged[0], List.of());
        });
    }

    private static String column(String field) {
        return switch (field) {
            case "listType" -> "list_type";
            case "ownName" -> "fixmedins_hilist_name";
            case "ownCode" -> "fixmedins_hilist_id";
            case "nationalCode" -> "med_list_codg";
            case "validFrom" -> "begndate";
            case "validTo" -> "enddate";
            default -> field;
        };
    }

    private interface Problems {
        void add(int index, String field, String reason);
    }

    /** Checks a batch; if it has no problem, writes it. */
    private void apply(String institution, List<Submission> items, String submittedBy, Problems problems,
                       BiConsumer<ItemMapping, Boolean> written) {
        Map<String, ItemMapping> existing = store.findAll(institution, items.stream().map(Submission::ownCode).toList(),
                items.stream().map(Submission::validFrom).toList());
        boolean[] bad = {false};
        validate(items, existing, (i, f, r) -> {
            bad[0] = true;
            problems.add(i, f, r);
        });
        if (bad[0]) {
            return;
        }
        for (Submission s : items) {
            ItemMapping before = existing.get(s.ownCode() + "@" + s.validFrom());
            if (before != null && before.status() == MappingStatus.SUBMITTED && same(before, s)) {
                written.accept(before, false);   // the same submission again: it still awaits review, nothing changes
                continue;
            }
            if (before != null && before.status() == MappingStatus.APPROVED) {
                // the national code is the same (validate refused a change): only name and end may move, without a new review
                boolean changed = !same(before, s);
                if (changed) {
                    store.amend(institution, s.ownCode(), s.validFrom(), s.ownName(), s.validTo());
                }
                written.accept(new ItemMapping(institution, s.ownCode(), s.ownName(), before.listType(), before.nationalCode(),
                        s.validFrom(), s.validTo(), before.status(), before.submittedAt(), before.submittedBy(), before.reviewedAt(),
                        before.reviewedBy(), before.reviewNote()), changed);
                continue;
            }
            ItemMapping submitted = new ItemMapping(institution, s.ownCode(), s.ownName(), s.listType(), s.nationalCode(), s.validFrom(),
                    s.validTo(), MappingStatus.SUBMITTED, clock.instant(), submittedBy, null, null, null);
            store.submit(submitted);
            written.accept(submitted, true);
        }
    }

    private static boolean same(ItemMapping m, Submission s) {
        return m.ownName().equals(s.ownName()) && Objects.equals(m.listType(), s.listType())
                && m.nationalCode().equals(s.nationalCode()) && Objects.equals(m.validTo(), s.validTo());
    }

    private void validate(List<Submission> items, Map<String, ItemMapping> existing, Problems problems) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<LocalDate, List<Integer>> byDate = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Submission s = items.get(i);
            if (s.validTo() != null && s.validTo().isBefore(s.validFrom())) {
                problems.add(i, "validTo", "is before validFrom");
            }
            Integer first = seen.putIfAbsent(s.ownCode() + "@" + s.validFrom(), i);
            if (first != null) {
                problems.add(i, "ownCode", "repeats item " + first + " (the same own code and begin date)");
            }
            byDate.computeIfAbsent(s.validFrom(), d -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<LocalDate, List<Integer>> day : byDate.entrySet()) {
            Set<String> codes = day.getValue().stream().map(i -> items.get(i).nationalCode()).collect(Collectors.toSet());
            Map<String, CatalogItem> found = catalog.find(codes, day.getKey());
            for (int i : day.getValue()) {
                CatalogItem item = found.get(items.get(i).nationalCode());
                if (item == null) {
                    problems.add(i, "nationalCode", items.get(i).nationalCode() + " is not in the catalog on " + day.getKey());
                } else if (items.get(i).listType() != null && !ListTypes.fits(items.get(i).listType(), item.category())) {
                    problems.add(i, "listType", "is " + items.get(i).listType() + ", but " + item.code() + " is "
                            + ListTypes.describe(item.category()));
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            Submission s = items.get(i);
            ItemMapping before = existing.get(s.ownCode() + "@" + s.validFrom());
            if (before != null && before.status() == MappingStatus.APPROVED && !before.nationalCode().equals(s.nationalCode())) {
                problems.add(i, "nationalCode", s.ownCode() + " is mapped to " + before.nationalCode()
                        + " (approved) from " + s.validFrom() + "; revoke it (3302) or map it from a later date");
            }
        }
    }

    /**
     * The bureau's review: approves or rejects the institution's submitted mappings (all of them when
     * {@code ownCodes} is empty) submitted at or before {@code asOf} (the time of the list the reviewer
     * saw; a submission made after it stays pending; null: now); 400 naming {@code ownCodes} when one of
     * them has none submitted; 403 when the reviewer submitted one of them (four eyes).
     *
     * @return how many were reviewed
     */
    @Transactional
    public int review(String institution, MappingStatus decision, List<String> ownCodes, Instant asOf, String note,
                      String reviewer) {
        if (decision == MappingStatus.REVOKED || !MappingStatus.SUBMITTED.mayBecome(decision)) {
            throw new InvalidRequestException("decision", "must be APPROVED or REJECTED");
        }
        Instant seen = asOf == null ? clock.instant() : asOf;
        if (decision == MappingStatus.REJECTED && (note == null || note.isBlank())) {
            throw new InvalidRequestException("note", "is required to reject: the institution is told why");
        }
        List<String> missing = store.notSubmitted(institution, ownCodes);
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("ownCodes", "have no mapping awaiting review: " + missing);
        }
        if (store.submittedBy(institution, ownCodes, seen, reviewer)) {
            throw new ForbiddenException("a mapping is reviewed by someone other than the one who submitted it");
        }
        return store.review(institution, ownCodes, seen, decision, reviewer, note, clock.instant());
    }

    /** Revokes the institution's mapping of an own code (3302 目录对照撤销); 404 when it has none standing. */
    @Transactional
    public int revoke(String institution, String ownCode, String nationalCode) {
        int revoked = store.revoke(institution, ownCode, nationalCode, clock.instant());
        if (revoked == 0) {
            throw new NotFoundException("no submitted or approved mapping of " + ownCode
                    + (nationalCode == null ? "" : " to " + nationalCode) + " at institution " + institution);
        }
        return revoked;
    }

    @Transactional(readOnly = true)
    public List<ItemMapping> list(String institution, Optional<MappingStatus> status, String afterOwnCode, LocalDate afterValidFrom,
                                  int limit) {
        return store.list(institution, status, afterOwnCode, afterValidFrom, limit);
    }

    /**
     * Checks a bill's lines that name the institution's own code, on the bill's date: each problem names
     * the line and which code. Lines without an own code are not checked (the native API may bill by
     * national code alone).
     */
    @Transactional(readOnly = true)
    public List<LineProblem> check(String institution, LocalDate on, List<LineCodes> lines) {
        List<String> owns = lines.stream().map(LineCodes::ownCode).filter(c -> c != null && !c.isBlank()).distinct().toList();
        if (owns.isEmpty()) {
            return List.of();
        }
        Map<String, ItemMapping> mappings = store.inForce(institution, owns, on);
        Map<String, CatalogItem> items = catalog.find(mappings.values().stream().map(ItemMapping::nationalCode).collect(Collectors.toSet()), on);
        List<LineProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineCodes line = lines.get(i);
            if (line.ownCode() == null || line.ownCode().isBlank()) {
                continue;
            }
            ItemMapping m = mappings.get(line.ownCode());
            if (m == null) {
                problems.add(new LineProblem(i, LineProblem.Field.OWN, line.ownCode() + " is not mapped to a national code on " + on
                        + " (目录对照: map it with 3301 and have the bureau approve it)"));
            } else if (m.status() == MappingStatus.SUBMITTED) {
                problems.add(new LineProblem(i, LineProblem.Field.OWN, line.ownCode() + "'s mapping to " + m.nationalCode()
                        + " awaits the bureau's review"));
            } else if (m.status() == MappingStatus.REJECTED) {
                problems.add(new LineProblem(i, LineProblem.Field.OWN, line.ownCode() + "'s mapping to " + m.nationalCode()
                        + " was rejected by the bureau: " + m.reviewNote()));
            } else if (line.nationalCode() != null && !line.nationalCode().equals(m.nationalCode())) {
                problems.add(new LineProblem(i, LineProblem.Field.NATIONAL, "is " + line.nationalCode() + ", but " + line.ownCode()
                        + " is mapped to " + m.nationalCode()));
            } else if (!items.containsKey(m.nationalCode())) {
                problems.add(new LineProblem(i, LineProblem.Field.OWN, line.ownCode() + " is mapped to " + m.nationalCode()
                        + ", which is not in the catalog on " + on));
            }
        }
        return problems;
    }
}
