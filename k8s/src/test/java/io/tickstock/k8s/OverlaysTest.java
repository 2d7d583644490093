package io.tickstock.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What distinguishes production from a dev cluster (SPEC §10: replication 3 / min ISR 2 in Kubernetes). */
@Tag("deployment")
class OverlaysTest {

    private static Manifests render(String overlay) {
        return Manifests.render(ServiceConfigs.root().resolve("k8s/overlays").resolve(overlay));
    }

    @Test
    void productionReplicatesEveryTopicThreeTimesAndAcknowledgesOnTwo() {
        Manifests prod = render("prod");

        assertThat(prod.ofKind("KafkaTopic")).hasSize(6).allSatisfy(topic -> {
            assertThat(topic.at("/spec/replicas").asInt()).as(topic.id()).isEqualTo(3);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as(topic.id()).isEqualTo(2);
        });
        JsonNode kafka = prod.find("Kafka", "tickstock").orElseThrow().at("/spec/kafka/config");
        assertThat(kafka.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(kafka.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.path("transaction.state.log.min.isr").asInt()).isEqualTo(2);
    }

    @Test
    void productionRunsThreeProcessorsWithStandbysAndReplicatedChangelogs() {
        Manifests prod = render("prod");

        Workload processor = prod.workload("channel-processor").orElseThrow();
        Map<String, String> env = processor.environment(processor.containers().get(0), prod);
        assertThat(processor.replicas()).isEqualTo(3);
        assertThat(env).containsEntry("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1")
                .containsEntry("KAFKA_STREAMS_REPLICATION_FACTOR", "3")
                .containsEntry("TICKSTOCK_PROCESSOR_SESSION_CALENDAR", "regular");
    }

    @Test
    void productionPullsPinnedImagesFromItsRegistryAndRunsTheProviderFeed() {
        Manifests prod = render("prod");

        assertThat(prod.workloads()).allSatisfy(workload -> assertThat(workload.containers().get(0).path("image")
                .asText()).startsWith("registry.example.com/tickstock/").endsWith(":0.1.0"));
        assertThat(prod.configMap("ingest-service")).containsEntry("TICKSTOCK_INGEST_SOURCE", "provider");
        assertThat(prod.resources()).allSatisfy(r -> assertThat(r.namespace()).isEqualTo("tickstock"));
    }

    @Test
    void devRunsOneOfEverythingWithoutReplication() {
        Manifests dev = render("dev");

        assertThat(dev.ofKind("KafkaTopic")).allSatisfy(topic -> {
            assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(1);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(1);
        });
        assertThat(dev.workloads()).allSatisfy(workload -> assertThat(workload.replicas()).isEqualTo(1));
        assertThat(dev.configMap("channel-processor")).containsEntry("KAFKA_STREAMS_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "0");
        assertThat(dev.resources()).allSatisfy(r -> assertThat(r.namespace()).isEqualTo("tickstock-dev"));
    }
}
