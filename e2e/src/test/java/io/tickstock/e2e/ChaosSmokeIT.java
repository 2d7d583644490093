package io.tickstock.e2e;

import static org.awaitility.Awaitility.await;

import io.tickstock.testsupport.RunTopics;
import io.tickstock.stack.process.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The chaos smoke of every build (SPEC §10): a small simulator run through all three services, during which the
 * processor and then the gateway are killed with SIGKILL and started again, while two clients stay subscribed,
 * reconnecting and resuming as programs do. What each client is owed is computed from what Kafka holds
 * ({@link OwedEvents}), and each must get exactly that, by deterministic id: nothing lost, nothing twice, nothing
 * unexpected.
 */
@Tag("integration")
class ChaosSmokeIT {

    private static final int TRADES = 12_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final RunTopics topics = RunTopics.create("chaos", 3);
    private final Running running = new Running("chaos");

    @AfterEach
    void stopAll() throws Exception {
        running.close();
    }

    private ServiceProcess processor() {
        return running.service("processor", "channel-processor", topics.processorEnv("processor"));
    }

    private ServiceProcess gateway() {
        return running.service("gateway", "ws-gateway", topics.gatewayEnv());
    }

    @Test
    void aKilledProcessorAndAKilledGatewayCostNoEventAndRepeatNone() {
        ServiceProcess processor = processor();
        AtomicReference<ServiceProcess> gateway = new AtomicReference<>(gateway());
        processor.awaitReady();
        gateway.get().awaitReady();
        ResumingClient highsAndLows = running.client(() -> gateway.get().uri("/ws/v1"), "high.*,low.*");
        ResumingClient everything = running.client(() -> gateway.get().uri("/ws/v1"), "*.*");
        await().atMost(WAIT).until(() -> highsAndLows.subscribed() == 1 && everything.subscribed() == 1);
        ServiceProcess ingest = running.service("ingest", "ingest-service", topics.tradesEnv(8, 6, 200, TRADES))
                .awaitReady();

        // the processor dies mid-transaction, wherever it is, and comes back on its state directory
        await().atMost(WAIT).until(() -> everything.ids().size() >= 30);
        processor.kill();
        processor().awaitReady();
        int beforeGatewayKill = everything.ids().size();
        await().atMost(WAIT).until(() -> everything.ids().size() >= beforeGatewayKill + 30);
        // the gateway dies under its clients: they reconnect to its successor and resume
        gateway.get().kill();
        gateway.set(gateway().awaitReady());

        OwedEvents owed = OwedEvents.afterRun(topics, ProcessorGroup.of(topics, "processor"), ingest, TRADES);
        owed.assertHighsAndLows(highsAndLows);
        owed.assertEverything(everything);
        List.of(highsAndLows, everything).forEach(OwedEvents::assertResumed);
    }
}
