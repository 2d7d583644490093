package io.tickstock.k8s.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.k8s.ServiceConfigs;
import io.tickstock.k8s.render.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard: valid JSON whose every query Prometheus can parse, reading only documented metrics, and
 * showing what the issue asks for (per-channel rates, latency, dedup, DLQ, gateway clients and shedding, lag,
 * memory).
 */
class DashboardTest {

    private static final Path DASHBOARD = ServiceConfigs.root().resolve("deploy/grafana/tickstock-dashboard.json");

    /** One metric per thing the dashboard must show. */
    private static final List<String> MUST_SHOW = List.of(
            "tickstock_channel_processed_total", "tickstock_channel_emitted_total",
            "tickstock_gateway_latency_seconds_bucket", "tickstock_channel_duplicates_total",
            "tickstock_ingest_rejected_total", "tickstock_channel_dlq_total", "tickstock_gateway_clients",
            "tickstock_gateway_shed_total", "tickstock_gateway_slow_closes_total",
            "kafka_consumer_fetch_manager_records_lag_max", "container_memory_working_set_bytes",
            "jvm_memory_used_bytes");

    @Test
    void prometheusParsesEveryQuery(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode rules = json.createObjectNode();
        ArrayNode records = rules.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
        int n = 0;
        for (String expr : expressions()) {
            records.addObject().put("record", "dashboard:query_" + n++).put("expr", asPrometheusSees(expr));
        }
        Path file = dir.resolve("dashboard-queries.yml");
        YamlFiles.YAML.writeValue(file.toFile(), rules);

        Promtool.Result result = Promtool.run(dir, "check", "rules", file.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(n).isGreaterThan(20);
    }

    @Test
    void queriesReadOnlyDocumentedMetricsAndCoverTheIssue() throws Exception {
        Set<String> allowed = MetricNames.allowed();
        Set<String> used = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String expr : expressions()) {
            for (String metric : MetricNames.usedBy(asPrometheusSees(expr))) {
                used.add(metric);
                if (!allowed.contains(metric)) {
                    unknown.add(metric + " in " + expr);
                }
            }
        }

        assertThat(unknown).isEmpty();
        assertThat(used).containsAll(MUST_SHOW);
    }

    @Test
    void everyPanelQueriesTheChosenPrometheus() throws Exception {
        for (JsonNode panel : panels()) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            assertThat(panel.at("/datasource/uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("description").asText()).as(panel.path("title").asText()).isNotBlank();
        }
    }

    private static List<JsonNode> panels() throws Exception {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : new ObjectMapper().readTree(Files.readString(DASHBOARD)).path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static List<String> expressions() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                out.add(target.path("expr").asText());
            }
        }
        return out;
    }

    /** Grafana replaces its variables before Prometheus sees a query. */
    private static String asPrometheusSees(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__range", "1h");
    }
}
