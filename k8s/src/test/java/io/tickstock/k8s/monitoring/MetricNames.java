package io.tickstock.k8s.monitoring;

import io.tickstock.k8s.ServiceConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names alerts and dashboards may use: the contract table of docs/operations.md (Micrometer names, as
 * Prometheus exports them) and its table of built-in metrics (verified against running services).
 */
final class MetricNames {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z0-9_.:]+)` \\| (counter|gauge|timer|built-in) \\|",
            Pattern.MULTILINE);
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without", "on",
            "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool", "rate", "increase",
            "irate", "deriv", "delta", "histogram_quantile", "clamp_min", "clamp_max", "abs", "absent",
            "max_over_time", "min_over_time", "avg_over_time", "label_replace", "topk", "bottomk", "time");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private MetricNames() {
    }

    /** Every Prometheus series name the documentation allows. */
    static Set<String> allowed() throws IOException {
        String doc = Files.readString(ServiceConfigs.root().resolve("docs/operations.md"));
        Set<String> names = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(doc);
        while (row.find()) {
            String name = row.group(1);
            String prometheus = name.replace('.', '_');
            switch (row.group(2)) {
                case "counter":
                    names.add(prometheus + "_total");
                    break;
                case "timer":
                    for (String suffix : new String[] {"_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max"}) {
                        names.add(prometheus + suffix);
                    }
                    break;
                default:
                    names.add(prometheus);
            }
        }
        return names;
    }

    /** The series names a PromQL expression reads (label names, functions, keywords and durations left out). */
    static Set<String> usedBy(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?[smhdw]?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String word = identifier.group();
            boolean isCall = bare.substring(identifier.end()).trim().startsWith("(");
            if (!isCall && !PROMQL_WORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }
}
