package org.yibao.settlement.catalog;

import org.yibao.contracts.events.InstitutionLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a file that sets a term of catalog entries from a date: a price ceiling, an item's own
 * prior self-pay ratio, or a restricted-payment condition. The entry in force on the row's
 * {@code begndate} takes the term; if that entry began earlier, a new entry begins on {@code begndate}
 * carrying everything else of it (the earlier bills keep their terms).
 * <ul>
 *   <li>{@link Kind#CEILING}: 医保目录限价信息 (the 1318 layout: {@code hilist_code}, {@code begndate},
 *       {@code hilist_pric_uplmt_amt} yuan per unit, {@code vali_flag}; {@code hilist_lmtpric_type},
 *       {@code overlmt_dspo_way}, {@code insu_admdvs}, rid ... may stand and are not read) and the extension
 *       column {@code medins_lv} (COMMUNITY, LEVEL_1, LEVEL_2, LEVEL_3: that level's own ceiling; empty:
 *       the entry's general one). The amount above a ceiling is paid by the person (ASSUMPTION: the
 *       usual overlmt_dspo_way; other ways are not modelled).</li>
 *   <li>{@link Kind#RATIO}: 医保目录先自付比例信息 (the 1319 layout: {@code hilist_code}, {@code begndate},
 *       {@code selfpay_prop} 0-1, {@code vali_flag}; {@code selfpay_prop_psn_type}, {@code selfpay_prop_type}
 *       are not read: one ratio for every person, ASSUMPTION).</li>
 *   <li>{@link Kind#RESTRICTION}: the bureau's restricted-payment conditions (限定支付范围), a layout of
 *       this platform: {@code hilist_code}, {@code begndate}, {@code kind} (DIAGNOSES, MIN_LEVEL,
 *       RETIREES_ONLY, INPATIENT_ONLY, MAX_DAYS_SUPPLY, or NONE: no condition from that date),
 *       {@code parameter}, {@code description}. The rows of a code and date are the entry's whole set.</li>
 * </ul>
 * A withdrawn row (vali_flag 0) of a ceiling or ratio removes it from the entry beginning on its date.
 * An {@code enddate}, where given, is checked against {@code begndate} but does not end the term: a
 * later row does (ASSUMPTION).
 *
 * @param level       for a ceiling, the level it is for; empty: the entry's general ceiling
 * @param amount      a ceiling in yuan per unit (scale 2) or a ratio (scale 4); null for a restriction
 * @param restriction a restriction; empty for NONE and for the other kinds
 */
public record TermRow(long line, Kind kind, String code, LocalDate validFrom, Optional<InstitutionLevel> level, BigDecimal amount,
                      Optional<Restriction> restriction, boolean valid) {

    /** What a row sets. */
    public enum Kind { CEILING, RATIO, RESTRICTION }

    static final CatalogFile.Layout<TermRow> CEILINGS = layout(Kind.CEILING, List.of("hilist_code", "begndate", "hilist_pric_uplmt_amt"));
    static final CatalogFile.Layout<TermRow> RATIOS = layout(Kind.RATIO, List.of("hilist_code", "begndate", "selfpay_prop"));
    static final CatalogFile.Layout<TermRow> RESTRICTIONS = layout(Kind.RESTRICTION,
            List.of("hilist_code", "begndate", "kind", "parameter", "description"));

    private static CatalogFile.Layout<TermRow> layout(Kind kind, List<String> required) {
        return new CatalogFile.Layout<>() {
            @Override
            public Optional<String> missing(List<String> columns) {
                List<String> missing = required.stream().filter(c -> !columns.contains(c)).toList();
                return missing.isEmpty() ? Optional.empty() : Optional.of("missing " + missing);
            }

            @Override
            public TermRow read(long line, Map<String, String> cells) throws CatalogFile.Refused {
                return TermRow.read(kind, line, cells);
            }
        };
    }

    static TermRow read(Kind kind, long line, Map<String, String> cells) throws CatalogFile.Refused {
        String code = CatalogFile.code(cells, "hilist_code");
        LocalDate from = CatalogFile.period(cells)[0];
        boolean valid = CatalogFile.valid(cells);
        return switch (kind) {
            case CEILING -> {
                String lv = CatalogFile.optionalText(cells, "medins_lv", 20);
                Optional<InstitutionLevel> level;
                try {
                    level = lv == null ? Optional.empty() : Optional.of(InstitutionLevel.valueOf(lv.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new CatalogFile.Refused("medins_lv", "must be COMMUNITY, LEVEL_1, LEVEL_2 or LEVEL_3");
                }
                if (level.isPresent() && level.get() == InstitutionLevel.UNGRADED) {
                    throw new CatalogFile.Refused("medins_lv", "must be COMMUNITY, LEVEL_1, LEVEL_2 or LEVEL_3");
                }
                BigDecimal amount = CatalogFile.decimal(cells, "hilist_pric_uplmt_amt", 2, new BigDecimal("0.01"),
                        new BigDecimal("999999999999.99"));
                yield new TermRow(line, kind, code, from, level, amount, Optional.empty(), valid);
            }
            case RATIO -> new TermRow(line, kind, code, from, Optional.empty(),
                    CatalogFile.decimal(cells, "selfpay_prop", 4, BigDecimal.ZERO, BigDecimal.ONE), Optional.empty(), valid);
            case RESTRICTION -> {
                String name = CatalogFile.text(cells, "kind", 20).toUpperCase(Locale.ROOT);
                String parameter = CatalogFile.optionalText(cells, "parameter", 200);
                if (name.equals("NONE")) {
                    if (parameter != null) {
                        throw new CatalogFile.Refused("parameter", "must be empty for NONE");
                    }
                    yield new TermRow(line, kind, code, from, Optional.empty(), null, Optional.empty(), valid);
                }
                Restriction.Kind restrictionKind;
                try {
                    restrictionKind = Restriction.Kind.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new CatalogFile.Refused("kind", "must be DIAGNOSES, MIN_LEVEL, RETIREES_ONLY, INPATIENT_ONLY, MAX_DAYS_SUPPLY or NONE");
                }
                boolean takesParameter = switch (restrictionKind) {
                    case DIAGNOSES, MIN_LEVEL, MAX_DAYS_SUPPLY -> true;
                    case RETIREES_ONLY, INPATIENT_ONLY -> false;
                };
                if (!takesParameter && parameter != null) {
                    throw new CatalogFile.Refused("parameter", "must be empty for " + name);
                }
                if (takesParameter && !Restriction.readable(restrictionKind, parameter)) {
                    throw new CatalogFile.Refused("parameter", switch (restrictionKind) {
                        case DIAGNOSES -> "must be ICD-10 prefixes, comma-separated, such as E10,E11";
                        case MIN_LEVEL -> "must be COMMUNITY, LEVEL_1, LEVEL_2 or LEVEL_3";
                        default -> "must be \"units a day,days\" such as 1,30";
                    });
                }
                String description = CatalogFile.text(cells, "description", 200);
                yield new TermRow(line, kind, code, from, Optional.empty(), null,
                        Optional.of(new Restriction(restrictionKind, parameter, description)), valid);
            }
        };
    }
}
