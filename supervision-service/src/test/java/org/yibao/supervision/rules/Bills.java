package org.yibao.supervision.rules;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
import org.yibao.supervision.knowledge.Knowledge;
import org.yibao.supervision.knowledge.KnowledgeBase;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bills for the rule types' unit tests: built in memory, no Spring, no database. */
final class Bills {

    static final LocalDate DAY = LocalDate.of(2026, 3, 20);
    /** A man born 1960-01-01. */
    static final String MAN = "441702196001011010";
    /** A woman born 1985-05-05. */
    static final String WOMAN = "441702198505051023";

    private Bills() {
    }

    /** A bill of a man at an institution on a day; lines are numbered in order. */
    static ClaimFacts bill(String id, VisitType visitType, String institution, LocalDate served, List<String> diagnoses, Line... lines) {
        return bill(id, MAN, visitType, institution, served, diagnoses, lines);
    }

    static ClaimFacts bill(String id, String person, VisitType visitType, String institution, LocalDate served, List<String> diagnoses,
                           Line... lines) {
        List<ClaimFacts.Line> numbered = new ArrayList<>();
        for (Line l : lines) {
            numbered.add(l.numbered(numbered.size() + 1));
        }
        Money total = Money.sum(numbered.stream().map(ClaimFacts.Line::amount).toList());
        return new ClaimFacts(id, person, institution, "441700", served.getYear(), visitType, served, null, null, false, null,
                diagnoses, List.of(), total, numbered);
    }

    /** An inpatient stay from admission to discharge (service date = discharge date). */
    static ClaimFacts stay(String id, String institution, LocalDateTime admitted, LocalDateTime discharged, List<String> diagnoses,
                           Line... lines) {
        ClaimFacts c = bill(id, VisitType.INPATIENT, institution, discharged.toLocalDate(), diagnoses, lines);
        return with(c, admitted, discharged, List.of(), false);
    }

    static ClaimFacts with(ClaimFacts c, LocalDateTime admitted, LocalDateTime discharged, List<String> procedures, boolean emergency) {
        return new ClaimFacts(c.settlementId(), c.personId(), c.institution(), c.regionCode(), c.year(), c.visitType(), c.serviceDate(),
                admitted, discharged, emergency, c.personType(), c.diagnoses(), procedures, c.total(), c.lines());
    }

    /** A line to number: code, category, quantity, unit price (amount = quantity x price, half up), days of supply. */
    record Line(String code, ItemCategory category, ItemClass itemClass, BigDecimal quantity, Price price, Money selfPay,
                Integer daysOfSupply) {

        ClaimFacts.Line numbered(int no) {
            return new ClaimFacts.Line(no, code, "item " + code, category, itemClass, quantity, price, price.times(quantity), selfPay,
                    daysOfSupply);
        }
    }

    /** One unit at a price, class A, category by the code's first letter. */
    static Line line(String code, String price) {
        return priced(code, "1", price);
    }

    static Line priced(String code, String quantity, String price) {
        ItemCategory category = switch (code.charAt(0)) {
            case 'X' -> ItemCategory.DRUG;
            case 'C' -> ItemCategory.CONSUMABLE;
            default -> ItemCategory.SERVICE;
        };
        return new Line(code, category, ItemClass.A, new BigDecimal(quantity), Price.of(price), Money.ZERO, null);
    }

    static Line classed(String code, ItemClass itemClass, String quantity, String price, String selfPay) {
        return new Line(code, ItemCategory.DRUG, itemClass, new BigDecimal(quantity), Price.of(price), Money.of(selfPay), null);
    }

    static Line supply(String code, String quantity, String price, Integer days) {
        return new Line(code, ItemCategory.DRUG, ItemClass.A, new BigDecimal(quantity), Price.of(price), Money.ZERO, days);
    }

    /** The sample knowledge base shipped with the service. */
    static Knowledge sampleKnowledge() {
        return KnowledgeBase.parse("knowledge-2020-sample.yml", resource("/knowledge/knowledge-2020-sample.yml"));
    }

    static String resource(String path) {
        try (InputStream in = Bills.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule type of the service. */
    static List<RuleType<?>> types() {
        return List.of(new LineQuantity(), new RepeatedItem(), new PanelComponent(), new SexSpecificItem(), new AgeSpecificItem(),
                new DrugIndication(), new CatalogRestriction(), new ItemRestriction(), new ProcedureBoundItem(), new PriceAboveCeiling(),
                new ClaimAfterDeath(), new TestsOnlyAdmission(), new SplitHospitalisation(), new OverlappingStays(),
                new BilledDuringStay(), new SameDayBills(), new CumulativeSupply(), new VisitFrequency(), new DistantSameDay());
    }

    /** The library shipped with the service, read as at start. */
    static RuleLibrary shippedLibrary() {
        RuleLibrary empty = new RuleLibrary("none", List.of(), types());
        RuleLibrary.Parsed parsed = empty.parse("rule-library.yml", resource("/rules/rule-library.yml"));
        return new RuleLibrary(parsed.version(), parsed.entries(), types());
    }

    /** What a rule sees: the claim and the person's others, the sample knowledge, nothing else known. */
    static Input input(ClaimFacts claim, ClaimFacts... history) {
        return new Input(claim, List.of(history));
    }

    /** A builder of a {@link RuleInput}. */
    static final class Input {
        private final ClaimFacts claim;
        private final List<ClaimFacts> history;
        private Knowledge knowledge = sampleKnowledge();
        private final Map<String, CatalogEntry> catalog = new HashMap<>();
        private final Map<String, InstitutionLevel> levels = new HashMap<>();
        private final Map<String, RuleInput.GeoPoint> places = new HashMap<>();
        private LocalDate death;
        private Stage stage = Stage.AFTER;

        Input(ClaimFacts claim, List<ClaimFacts> history) {
            this.claim = claim;
            this.history = history;
        }

        Input knowledge(Knowledge k) {
            this.knowledge = k;
            return this;
        }

        Input catalog(CatalogEntry... entries) {
            Arrays.stream(entries).forEach(e -> catalog.put(e.code(), e));
            return this;
        }

        Input level(String institution, InstitutionLevel level) {
            levels.put(institution, level);
            return this;
        }

        Input place(String institution, double latitude, double longitude) {
            places.put(institution, new RuleInput.GeoPoint(latitude, longitude));
            return this;
        }

        Input death(LocalDate day) {
            this.death = day;
            return this;
        }

        Input stage(Stage s) {
            this.stage = s;
            return this;
        }

        RuleInput build() {
            return new RuleInput(claim, history, knowledge, catalog, code -> Optional.ofNullable(levels.get(code)),
                    code -> Optional.ofNullable(places.get(code)), Optional.ofNullable(death), stage);
        }
    }
}
