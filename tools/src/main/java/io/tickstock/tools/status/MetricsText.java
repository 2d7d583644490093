package io.tickstock.tools.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of a service's /q/metrics (Prometheus text format), and sums over its samples. */
public record MetricsText(List<Sample> samples) {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static final MetricsText EMPTY = new MetricsText(List.of());

    /** For {@link #sumBy}: group by the whole label set, i.e. keep every series apart. */
    public static final String SERIES = "";

    public static MetricsText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(3) != null) {
                Matcher label = LABEL.matcher(m.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            samples.add(new Sample(m.group(1), Collections.unmodifiableMap(labels), Double.parseDouble(m.group(4))));
        }
        return new MetricsText(List.copyOf(samples));
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The sum of a metric's samples, grouped by one label (NaN samples left out). */
    public Map<String, Double> sumBy(String name, String label) {
        return sumBy(name, label, s -> true);
    }

    public Map<String, Double> sumBy(String name, String label, Predicate<Sample> filter) {
        Map<String, Double> sums = new TreeMap<>();
        for (Sample sample : samples) {
            if (sample.name().equals(name) && filter.test(sample) && !Double.isNaN(sample.value())) {
                String key = label.equals(SERIES) ? sample.labels().toString() : sample.labels().getOrDefault(label, "");
                sums.merge(key, sample.value(), Double::sum);
            }
        }
        return sums;
    }

    /** The sum of all of a metric's samples, or NaN when the service does not export it. */
    public double total(String name) {
        double sum = 0;
        boolean found = false;
        for (Sample sample : samples) {
            if (sample.name().equals(name) && !Double.isNaN(sample.value())) {
                sum += sample.value();
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }
}
