package io.tickstock.perf.stack;

import io.tickstock.tools.status.MetricsText;
import java.net.URI;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The counters the harness reconciles, scraped from a service's {@code /q/metrics} (names: the metric contract in
 * docs/operations.md). A service that does not answer gives an empty scrape: the counts are then absent, not zero.
 */
public final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /** A scrape of {@code root/q/metrics}; {@link MetricsText#EMPTY} when the service does not answer. */
    public static MetricsText scrape(URI root) {
        try {
            return MetricsText.parse(Http.get(root.resolve("/q/metrics")));
        } catch (RuntimeException e) {
            return MetricsText.EMPTY;
        }
    }

    /** A counter per value of {@code label} (e.g. the processor's {@code processed} per channel). */
    public static Map<String, Long> counts(MetricsText metrics, String name, String label) {
        return counts(metrics, name, label, sample -> true);
    }

    /** As {@link #counts(MetricsText, String, String)}, over the samples {@code filter} keeps. */
    public static Map<String, Long> counts(MetricsText metrics, String name, String label,
            Predicate<MetricsText.Sample> filter) {
        Map<String, Long> counts = new TreeMap<>();
        metrics.sumBy(name, label, filter).forEach((key, value) -> counts.put(key, Math.round(value)));
        return counts;
    }

    /**
     * The heap a service uses now in MB ({@code jvm_memory_used_bytes} over its heap pools), or empty when it does
     * not answer: sampled beside RSS, so a soak can tell a growing heap from a growing off-heap.
     */
    public static OptionalDouble heapMb(URI root) {
        MetricsText metrics = scrape(root);
        Map<String, Double> byArea = metrics.sumBy("jvm_memory_used_bytes", "area");
        Double heap = byArea.get("heap");
        return heap == null ? OptionalDouble.empty() : OptionalDouble.of(heap / (1024.0 * 1024.0));
    }

    /** What a counter rose by between two scrapes, per label value. */
    public static Map<String, Long> increase(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> increase = new TreeMap<>();
        after.forEach((key, value) -> increase.put(key, value - before.getOrDefault(key, 0L)));
        return increase;
    }
}
