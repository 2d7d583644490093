package io.tickstock.k8s.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.ServiceConfigs;
import io.tickstock.k8s.model.PrometheusRule;
import io.tickstock.k8s.model.StrictModels;
import io.tickstock.k8s.render.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The alert rules: Prometheus accepts them, each fires on the synthetic series of its unit test, each has a runbook,
 * reads only documented metrics, and Kubernetes gets exactly the same rules.
 */
@Tag("deployment")
class AlertRulesTest {

    private static final Path ROOT = ServiceConfigs.root();
    private static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");
    private static final Path RULES = PROMETHEUS.resolve("tickstock-alerts.yml");
    private static final Path UNIT_TESTS = PROMETHEUS.resolve("tests/tickstock-alerts.test.yml");
    private static final Path BROKEN = ROOT.resolve("k8s/src/test/resources/broken-rules");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Promtool.Result result = Promtool.run(PROMETHEUS, "check", "rules", RULES.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + alerts().size() + " rules found");
    }

    @Test
    void everyAlertFiresInItsUnitTest() throws Exception {
        Promtool.Result result = Promtool.run(PROMETHEUS, "test", "rules", UNIT_TESTS.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        Set<String> fired = new TreeSet<>();
        for (JsonNode test : YamlFiles.single(UNIT_TESTS).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                if (!check.path("exp_alerts").isEmpty()) {
                    fired.add(check.path("alertname").asText());
                }
            }
        }
        assertThat(fired).isEqualTo(new TreeSet<>(alertNames()));
    }

    @Test
    void promtoolRejectsABrokenRuleFile() throws Exception {
        Promtool.Result result = Promtool.run(BROKEN, "check", "rules", "bad-expression.yml");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("TickLatencyP99High");
    }

    @Test
    void aUnitTestExpectingAnAlertThatDoesNotFireFails() throws Exception {
        Promtool.Result result = Promtool.run(BROKEN, "test", "rules", "healthy-series-fires.test.yml");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("alertname: TickLatencyP99High");
    }

    @Test
    void everyAlertHasARunbookSection() throws Exception {
        String operations = Files.readString(ROOT.resolve("docs/operations.md"));
        String runbook = operations.substring(operations.indexOf("\n## Runbook"));

        List<String> missing = new ArrayList<>();
        for (PrometheusRule.Rule alert : alerts()) {
            String anchor = "docs/operations.md#" + alert.alert().toLowerCase();
            if (!anchor.equals(alert.annotations().get("runbook_url"))) {
                missing.add(alert.alert() + ": runbook_url is not " + anchor);
            }
            if (!runbook.contains("\n### " + alert.alert() + "\n")) {
                missing.add(alert.alert() + ": no '### " + alert.alert() + "' in the runbook of docs/operations.md");
            }
            for (String annotation : List.of("summary", "description")) {
                if (alert.annotations().getOrDefault(annotation, "").isBlank()) {
                    missing.add(alert.alert() + ": no " + annotation);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void alertsReadOnlyDocumentedMetrics() throws Exception {
        Set<String> allowed = MetricNames.allowed();

        List<String> unknown = new ArrayList<>();
        for (PrometheusRule.Rule alert : alerts()) {
            for (String metric : MetricNames.usedBy(alert.expr())) {
                if (!allowed.contains(metric)) {
                    unknown.add(alert.alert() + " reads " + metric);
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(MetricNames.usedBy(alerts().get(0).expr())).containsExactly("tickstock_gateway_latency_seconds_bucket");
    }

    @Test
    void kubernetesShipsTheSameRules() {
        JsonNode plain = YamlFiles.single(RULES);
        JsonNode operator = YamlFiles.single(ROOT.resolve("k8s/base/monitoring/prometheus-rule.yaml"));

        assertThat(operator.path("spec"))
                .as("k8s/base/monitoring/prometheus-rule.yaml must carry the groups of deploy/prometheus/tickstock-alerts.yml")
                .isEqualTo(plain);
    }

    private static List<PrometheusRule.Rule> alerts() throws Exception {
        PrometheusRule.Spec spec = StrictModels.strictly(YamlFiles.single(RULES), PrometheusRule.Spec.class);
        List<PrometheusRule.Rule> rules = new ArrayList<>();
        spec.groups().forEach(group -> rules.addAll(group.rules()));
        return rules;
    }

    private static List<String> alertNames() throws Exception {
        List<String> names = new ArrayList<>();
        alerts().forEach(rule -> names.add(rule.alert()));
        return names;
    }
}
