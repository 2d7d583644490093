package io.tickstock.tools.status;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Per-second rates of counters between two scrapes of the same service. */
record Rates(MetricsText before, MetricsText after, double seconds) {

    /** Groups by the whole label set: every series on its own. */
    private static final String SERIES = MetricsText.SERIES;

    /** Rate of a counter per value of a label; empty when the service does not export the counter. */
    Map<String, Double> by(String counter, String label) {
        return by(counter, label, s -> true);
    }

    /** A series that appeared between the scrapes counts from its first value: its earlier history is unknown. */
    Map<String, Double> by(String counter, String label, Predicate<MetricsText.Sample> filter) {
        Map<String, Double> then = before.sumBy(counter, label, filter);
        Map<String, Double> rates = new TreeMap<>();
        after.sumBy(counter, label, filter).forEach((key, now) ->
                rates.put(key, Math.max(0, now - then.getOrDefault(key, now)) / seconds));
        return rates;
    }

    /** Rate of a counter over all its series, NaN when not exported. */
    double total(String counter) {
        if (!after.has(counter)) {
            return Double.NaN;
        }
        return by(counter, SERIES).values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
