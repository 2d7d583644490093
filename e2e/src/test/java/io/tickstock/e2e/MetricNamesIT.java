package io.tickstock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.testsupport.RunTopics;
import io.tickstock.stack.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard may only name metrics of the two tables in docs/operations.md (checked offline by
 * the k8s module). The built-in ones are Quarkus', Micrometer's and Kafka's names, which move with their versions:
 * this checks each against the /q/metrics of the running services that table says export it, and that Kafka
 * Streams' state gauge reads 2 while RUNNING, as KafkaStreamsNotRunning assumes. (Our own contract metrics are the
 * services' tests' business: a counter tagged by reason appears only on its first increment.)
 */
@Tag("integration")
class MetricNamesIT {

    private static final Pattern BUILT_IN = Pattern.compile("^\\| `([a-z0-9_]+)` \\| built-in \\| ([^|]*)\\|",
            Pattern.MULTILINE);
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static final Map<String, ServiceProcess> byName = new HashMap<>();

    @BeforeAll
    static void startAll() {
        RunTopics topics = RunTopics.create("e2e-metrics", 1);
        Map<String, String> env = new HashMap<>(topics.processorEnv("processor"));
        env.putAll(topics.ingestEnv());
        env.putAll(topics.gatewayEnv());
        env.put("TICKSTOCK_INGEST_SOURCE", "none");
        for (String[] service : new String[][] {{"processor", "channel-processor"}, {"gateway", "ws-gateway"},
            {"ingest", "ingest-service"}}) {
            ServiceProcess process = ServiceProcess.start("metrics-" + service[0], service[1], env);
            services.add(process);
            byName.put(service[0], process);
        }
        services.forEach(ServiceProcess::awaitReady);
    }

    @AfterAll
    static void stopAll() {
        services.forEach(ServiceProcess::close);
    }

    @Test
    void everyDocumentedBuiltInIsExportedByItsServices() throws IOException {
        Map<String, Set<String>> exported = new HashMap<>();
        byName.forEach((name, service) -> exported.put(name, names(service.get("/q/metrics").body())));

        List<String> missing = new ArrayList<>();
        Matcher row = BUILT_IN.matcher(Files.readString(Path.of(System.getProperty("tickstock.root", ".."))
                .resolve("docs/operations.md")));
        int checked = 0;
        while (row.find()) {
            for (String service : servicesOf(row.group(2))) {
                checked++;
                if (!exported.get(service).contains(row.group(1))) {
                    missing.add(service + " does not export " + row.group(1));
                }
            }
        }

        assertThat(missing).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(16);
    }

    @Test
    void kafkaStreamsStateReadsTwoWhileRunning() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                byName.get("processor").get("/q/metrics").body())
                .containsPattern("(?m)^kafka_stream_client_state\\{[^}]*} 2\\.0$"));
    }

    /** The services the table's "from" column names (Prometheus, cAdvisor, kube-state-metrics are not ours). */
    private static List<String> servicesOf(String from) {
        if (from.startsWith("all")) {
            return List.of("processor", "gateway", "ingest");
        }
        return from.startsWith("processor") ? List.of("processor") : List.of();
    }

    private static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
