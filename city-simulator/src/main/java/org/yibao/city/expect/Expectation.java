package org.yibao.city.expect;

/** What the simulator expects of a bill it is about to send. */
public sealed interface Expectation {

    /**
     * A settled bill with these layers, adding this to the person's year.
     *
     * @param rules the rules that shaped it (for the report: which rules the checked bills exercised)
     */
    record Bill(String pack, Layers layers, YearToDate.Delta delta, java.util.Set<String> rules) implements Expectation {
    }

    /** A refusal (for example chronic care without a certification). */
    record Refusal(String reason) implements Expectation {
    }

    /** A bill whose inputs the simulator's calculation does not model exactly: it is not checked. */
    record NotModelled(String reason) implements Expectation {
    }
}
