package org.yibao.city.catalog;

import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;
import org.yibao.testsupport.bench.BenchArgs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SYNTHETIC catalog as the four files settlement imports, comma-separated UTF-8 with the national field
 * names as header (a file's first line is its header, so the files themselves cannot say they are synthetic:
 * their names do, and a README written beside them):
 * <ul>
 *   <li>{@value #ITEMS}: the 1312 item layout, one row per entry
 *       ({@code POST /api/settlement/catalog/imports/items});</li>
 *   <li>{@value #CEILINGS}: the 1318 price-ceiling layout, one row per priced entry and one per level whose
 *       ceiling differs ({@code medins_lv}, an extension column; {@code POST .../imports/ceilings});</li>
 *   <li>{@value #RATIOS}: the 1319 self-pay-ratio layout, one row per class 乙 entry with a ratio of its own
 *       ({@code POST .../imports/selfpay-ratios});</li>
 *   <li>{@value #RESTRICTIONS}: the bureau's restricted-payment conditions, one row per condition
 *       ({@code POST .../imports/restrictions}).</li>
 * </ul>
 * Every row of the last three names an entry of the first by code and begin date, so the items file goes
 * first. Write them with:
 * <pre>
 *   java -cp city-simulator/target/city-simulator.jar org.yibao.city.catalog.CatalogFiles \
 *       --out synthetic-catalog --seed 2021 --items 52000
 * </pre>
 */
public final class CatalogFiles {

    public static final String ITEMS = "synthetic-catalog-items.csv";
    public static final String CEILINGS = "synthetic-catalog-ceilings.csv";
    public static final String RATIOS = "synthetic-catalog-selfpay-ratios.csv";
    public static final String RESTRICTIONS = "synthetic-catalog-restrictions.csv";
    public static final String README = "SYNTHETIC-CATALOG-README.txt";

    public static final String ITEMS_HEADER = "hilist_code,hilist_name,begndate,enddate,chrgitm_lv,list_type,vali_flag";
    public static final String CEILINGS_HEADER =
            "hilist_code,hilist_lmtpric_type,overlmt_dspo_way,begndate,enddate,hilist_pric_uplmt_amt,vali_flag,medins_lv";
    public static final String RATIOS_HEADER =
            "hilist_code,selfpay_prop_psn_type,selfpay_prop_type,begndate,enddate,selfpay_prop,vali_flag";
    public static final String RESTRICTIONS_HEADER = "hilist_code,begndate,kind,parameter,description";

    /** hilist_lmtpric_type 1: a ceiling price (最高限价); overlmt_dspo_way 1: the part above it is self-paid (ASSUMPTION: codes). */
    static final String CEILING_TYPE = "1";
    static final String ABOVE_CEILING_SELF_PAID = "1";
    /** selfpay_prop_psn_type and selfpay_prop_type: one ratio for every insured person (ASSUMPTION: codes). */
    static final String EVERYONE = "1";

    private final SyntheticCatalog catalog;

    public CatalogFiles(SyntheticCatalog catalog) {
        this.catalog = catalog;
    }

    /** The four files' contents by file name, in import order. */
    public Map<String, String> contents() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ITEMS, items());
        files.put(CEILINGS, ceilings());
        files.put(RATIOS, ratios());
        files.put(RESTRICTIONS, restrictions());
        return files;
    }

    public String items() {
        StringBuilder s = new StringBuilder(catalog.entries().size() * 96).append(ITEMS_HEADER).append('\n');
        for (CatalogEntry e : catalog.entries()) {
            row(s, e.code(), e.name(), date(e.validFrom()), date(e.validTo()), chrgitmLv(e.itemClass()), e.category().listType(), "1");
        }
        return s.toString();
    }

    public String ceilings() {
        StringBuilder s = new StringBuilder().append(CEILINGS_HEADER).append('\n');
        for (CatalogEntry e : catalog.entries()) {
            if (e.ceiling() == null) {
                continue;
            }
            ceiling(s, e, e.ceiling(), "");
            new TreeMap<>(e.levelCeilings()).forEach((level, amount) -> ceiling(s, e, amount, level.name()));
        }
        return s.toString();
    }

    private static void ceiling(StringBuilder s, CatalogEntry e, Money amount, String level) {
        row(s, e.code(), CEILING_TYPE, ABOVE_CEILING_SELF_PAID, date(e.validFrom()), date(e.validTo()), amount.amount().toPlainString(),
                "1", level);
    }

    public String ratios() {
        StringBuilder s = new StringBuilder().append(RATIOS_HEADER).append('\n');
        for (CatalogEntry e : catalog.entries()) {
            if (e.selfPayRatio() != null) {
                row(s, e.code(), EVERYONE, EVERYONE, date(e.validFrom()), date(e.validTo()), e.selfPayRatio().toPlainString(), "1");
            }
        }
        return s.toString();
    }

    public String restrictions() {
        StringBuilder s = new StringBuilder().append(RESTRICTIONS_HEADER).append('\n');
        for (CatalogEntry e : catalog.entries()) {
            for (Restriction r : e.restrictions()) {
                row(s, e.code(), date(e.validFrom()), r.kind().name(), r.parameter() == null ? "" : r.parameter(), r.description());
            }
        }
        return s.toString();
    }

    /** chrgitm_lv 收费项目等级: 01 甲, 02 乙, 03 丙. */
    static String chrgitmLv(ItemClass c) {
        return switch (c) {
            case A -> "01";
            case B -> "02";
            case C -> "03";
        };
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** One CSV row; a cell with a comma or a quote is quoted (RFC 4180). */
    private static void row(StringBuilder s, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                s.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                s.append(c);
            }
        }
        s.append('\n');
    }

    /** What the catalog holds, for the README and the command's output. */
    public String figures() {
        Map<Category, Map<ItemClass, Long>> byClass = new EnumMap<>(Category.class);
        long ended = 0;
        long ownRatio = 0;
        long restricted = 0;
        long levelPriced = 0;
        long vbp = 0;
        Map<Restriction.Kind, Long> kinds = new EnumMap<>(Restriction.Kind.class);
        for (CatalogEntry e : catalog.entries()) {
            byClass.computeIfAbsent(e.category(), c -> new EnumMap<>(ItemClass.class)).merge(e.itemClass(), 1L, Long::sum);
            ended += e.validTo() != null ? 1 : 0;
            ownRatio += e.selfPayRatio() != null ? 1 : 0;
            restricted += e.restrictions().isEmpty() ? 0 : 1;
            levelPriced += e.levelCeilings().isEmpty() ? 0 : 1;
            vbp += e.vbp() ? 1 : 0;
            e.restrictions().forEach(r -> kinds.merge(r.kind(), 1L, Long::sum));
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format("SYNTHETIC catalog, seed %d: %,d codes (%,d ended on %s)%n", catalog.seed(), catalog.entries().size(),
                ended, SyntheticCatalog.REMOVED_ON));
        byClass.forEach((c, classes) -> {
            long n = classes.values().stream().mapToLong(Long::longValue).sum();
            s.append(String.format("  %-24s %-3s list_type %s %,7d codes: 甲 %,6d (%4.1f%%) 乙 %,6d (%4.1f%%) 丙 %,6d (%4.1f%%)%n", c,
                    c.letter(), c.listType(), n, count(classes, ItemClass.A), percent(count(classes, ItemClass.A), n),
                    count(classes, ItemClass.B), percent(count(classes, ItemClass.B), n), count(classes, ItemClass.C),
                    percent(count(classes, ItemClass.C), n)));
        });
        s.append(String.format("  own self-pay ratio %,d, restricted %,d %s, ceilings by level %,d, VBP %,d%n", ownRatio, restricted, kinds,
                levelPriced, vbp));
        return s.toString();
    }

    private static long count(Map<ItemClass, Long> classes, ItemClass c) {
        return classes.getOrDefault(c, 0L);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : part * 100.0 / whole;
    }

    /** Writes the four files and the README into a directory; answers their paths. */
    public List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new java.util.ArrayList<>();
        for (Map.Entry<String, String> file : contents().entrySet()) {
            written.add(Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8));
        }
        written.add(Files.writeString(directory.resolve(README), """
                SYNTHETIC DATA - NOT A REAL CATALOG. These files were generated by the Yibao city simulator
                (org.yibao.city.catalog.SyntheticCatalog) for tests, demos and benchmarks. Every code, name, class,
                price, ratio and condition in them is invented; none is an official entry of the national
                reimbursement catalog (国家医保目录) or of any bureau's. Makers are named "模拟...厂" (simulated).
                Import order: items, ceilings, self-pay ratios, restrictions.

                """ + figures(), StandardCharsets.UTF_8));
        return written;
    }

    /** {@code --out dir --seed n --items n}: writes the synthetic catalog's files. */
    public static void main(String[] args) throws IOException {
        Map<String, String> o = BenchArgs.parse(args);
        long started = System.nanoTime();
        SyntheticCatalog catalog = SyntheticCatalog.generate(Long.parseLong(o.getOrDefault("seed", String.valueOf(SyntheticCatalog.DEFAULT_SEED))),
                Integer.parseInt(o.getOrDefault("items", String.valueOf(SyntheticCatalog.DEFAULT_ITEMS))));
        CatalogFiles files = new CatalogFiles(catalog);
        List<Path> written = files.write(Path.of(o.getOrDefault("out", "synthetic-catalog")));
        System.out.print(files.figures());
        for (Path p : written) {
            System.out.printf("  %s %,d bytes%n", p.toAbsolutePath(), Files.size(p));
        }
        System.out.printf("generated and written in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
