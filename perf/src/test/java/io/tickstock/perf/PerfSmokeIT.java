package io.tickstock.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.run.PerfRun;
import io.tickstock.perf.run.RunPlan;
import io.tickstock.perf.run.Scenario;
import io.tickstock.perf.stack.Stack;
import io.tickstock.testsupport.RunTopics;
import io.tickstock.stack.process.ServiceProcess;
import io.tickstock.testsupport.TestBroker;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CI smoke run of the perf harness: the three packaged services as processes on the test broker, the demo
 * profile for half a minute with 5 % injected duplicates, three real WebSocket clients. It fails on any loss,
 * duplicate or broken reconciliation, never on speed (speed is what ./tickstock perf reports).
 */
@Tag("integration")
class PerfSmokeIT {

    private static final int PARTITIONS = 3;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static RunTopics topics;
    private static ServiceProcess processor;
    private static ServiceProcess gateway;
    private static ServiceProcess ingest;

    @BeforeAll
    static void startTheServices() {
        topics = RunTopics.create("perf-smoke", PARTITIONS);
        processor = start("processor", "channel-processor", topics.processorEnv("processor"));
        gateway = start("gateway", "ws-gateway", topics.gatewayEnv());
        Map<String, String> ingestEnv = new HashMap<>(topics.ingestEnv());
        // the harness starts and stops the simulator itself, as ./tickstock perf does on its own stack
        ingestEnv.put("TICKSTOCK_INGEST_SOURCE", "none");
        ingestEnv.put("TICKSTOCK_INGEST_SIMULATOR_DUPLICATE_RATE", "0.05");
        ingest = start("ingest", "ingest-service", ingestEnv);
        processor.awaitReady();
        gateway.awaitReady();
        ingest.awaitReady();
    }

    private static ServiceProcess start(String name, String module, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start("perf-" + name, module, env);
        services.add(service);
        return service;
    }

    @AfterAll
    static void stopTheServices() {
        services.forEach(ServiceProcess::close);
    }

    @Test
    void aShortRunLosesNothingRepeatsNothingAndAccountsForEveryRecord() {
        Stack stack = new Stack(URI.create(gateway.uri("/ws/v1").toString().replaceFirst("^http", "ws")),
                ingest.uri(""), processor.uri(""), TestBroker.bootstrapServers(), topics.run() + "-processor",
                Map.of("processor", processor.pid(), "gateway", gateway.pid(), "ingest", ingest.pid()),
                Optional.empty(), new Stack.TopicNames(topics.tick(), topics.ohlcv(), topics.fmv(), topics.rawDlq(),
                        topics.events(), topics.processorDlq()));
        RunPlan plan = Scenario.SMOKE.plan(new Scenario.Options(0.5, null, null, null, 50, Duration.ofSeconds(5),
                Duration.ofSeconds(90)));

        RunResult result = new PerfRun(plan, stack, System.out, "services started by PerfSmokeIT", "PerfSmokeIT")
                .execute();

        assertThat(result.failures()).as("what failed the run").isEmpty();
        assertThat(result.verdict()).isEqualTo(RunResult.PASSED);
        assertThat(result.topic().committedInRun()).as("the run produced events to judge").isPositive();
        assertThat(result.input().duplicates().values().stream().mapToLong(Long::longValue).sum())
                .as("duplicates were injected, so dedup was exercised").isPositive();
        assertThat(result.groups()).allSatisfy(group -> {
            assertThat(group.expected()).isPositive();
            assertThat(group.lost()).isZero();
            assertThat(group.duplicated()).isZero();
            assertThat(group.unexpected()).isZero();
        });
        assertThat(result.reconciliation()).allMatch(RunResult.Check::ok);
    }
}
