package io.tickstock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.testsupport.RunTopics;
import io.tickstock.stack.process.ServiceProcess;
import io.tickstock.tools.status.MetricsText;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scale-out on one broker, as Kubernetes runs it (k8s/: processor StatefulSet, gateway Deployment): two channel
 * processors in one consumer group with a standby replica of every task, two gateways each reading every
 * partition. The input partitions are split between the processors; when one is killed with SIGKILL the other
 * takes its partitions over from its warm standby copies and goes on; a client on each gateway — one of them moved
 * to the other gateway when its own was killed — gets every event it is owed once. Prints the takeover time.
 */
@Tag("deployment")
class ScaleOutIT {

    private static final int PARTITIONS = 6;
    private static final int TRADES = 12_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final RunTopics topics = RunTopics.create("scale", PARTITIONS);
    private final Running running = new Running("scale");

    @AfterEach
    void stopAll() throws Exception {
        running.close();
    }

    private ServiceProcess processor(int instance) {
        return running.service("processor-" + instance, "channel-processor",
                topics.processorInstanceEnv("scale", instance));
    }

    private ServiceProcess gateway() {
        return running.service("gateway", "ws-gateway", topics.gatewayEnv());
    }

    /** A client of {@code preferred} that moves to {@code other} when its gateway is gone. */
    private ResumingClient client(ServiceProcess preferred, ServiceProcess other, String patterns) {
        return running.client(() -> (preferred.alive() ? preferred : other).uri("/ws/v1"), patterns);
    }

    @Test
    void partitionsSpreadMoveOnAKillAndClientsOfEitherGatewayGetEveryEventOnce() {
        List<ServiceProcess> processors = List.of(processor(1), processor(2));
        ServiceProcess gateway1 = gateway();
        ServiceProcess gateway2 = gateway();
        processors.forEach(ServiceProcess::awaitReady);
        gateway1.awaitReady();
        gateway2.awaitReady();
        ProcessorGroup group = ProcessorGroup.of(topics, "scale");
        Set<TopicPartition> inputs = group.inputPartitions();

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Set<TopicPartition>> owners = group.owners();
            assertThat(owners).as("both processors are members").hasSize(2);
            assertThat(owners.values()).as("each owns a share").allSatisfy(owned -> assertThat(owned).isNotEmpty());
            assertThat(union(owners)).as("together, every input partition once")
                    .containsExactlyInAnyOrderElementsOf(inputs)
                    .hasSize(owners.values().stream().mapToInt(Set::size).sum());
        });

        ResumingClient onGateway1 = client(gateway1, gateway2, "high.*,low.*");
        ResumingClient onGateway2 = client(gateway2, gateway1, "*.*");
        await().atMost(WAIT).until(() -> onGateway1.subscribed() == 1 && onGateway2.subscribed() == 1);
        ServiceProcess ingest = running.service("ingest", "ingest-service", topics.tradesEnv(9, 12, 200, TRADES))
                .awaitReady();

        await().atMost(WAIT).until(() -> onGateway2.ids().size() >= 30);
        MetricsText before = Scrape.of(processors.get(0));
        long killedAt = System.nanoTime();
        processors.get(1).kill();
        String survivor = topics.run() + "-scale-1";
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(group.owners())
                .as("the survivor owns every input partition").containsOnlyKeys(survivor)
                .hasEntrySatisfying(survivor, owned -> assertThat(owned).containsExactlyInAnyOrderElementsOf(inputs)));
        long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        gateway2.kill();

        OwedEvents owed = OwedEvents.afterRun(topics, group, ingest, TRADES);
        MetricsText after = Scrape.of(processors.get(0));
        System.out.printf("scale-out: the survivor owned every partition %d ms after kill -9 of the other "
                + "processor; it restored %.0f changelog records in %.0f ms%n", takeoverMillis,
                delta(before, after, "tickstock_processor_restore_records_total"),
                1000 * delta(before, after, "tickstock_processor_restore_seconds_sum"));
        owed.assertHighsAndLows(onGateway1);
        owed.assertEverything(onGateway2);
        assertThat(onGateway1.connections()).as("gateway 1 never went away").isEqualTo(1);
        OwedEvents.assertResumed(onGateway2);
    }

    private static Set<TopicPartition> union(Map<String, Set<TopicPartition>> owners) {
        Set<TopicPartition> all = new HashSet<>();
        owners.values().forEach(all::addAll);
        return all;
    }

    private static double delta(MetricsText before, MetricsText after, String name) {
        return after.total(name) - before.total(name);
    }
}
