package io.tickstock.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.deadletter.DeadLetterHandler;
import io.tickstock.processor.deadletter.DeadLetterRouter;
import io.tickstock.processor.metrics.ProcessorMetrics;
import io.tickstock.processor.topology.StoreKind;
import io.tickstock.processor.topology.TopologyProducer;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestTopics;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The engines on a real broker: they wait for the topics they need (readiness names the missing ones, liveness stays
 * up), start once those exist, run with their own consumer groups, and stop when the service stops.
 */
class ChannelEnginesTest {

    @Test
    void theEnginesStartOnceTheirTopicsExistAndStopWithTheService() throws Exception {
        String run = "engines-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> topics = Map.of(
                "tickstock.processor.topics.tick", run + ".tick",
                "tickstock.processor.topics.ohlcv", run + ".ohlcv",
                "tickstock.processor.topics.fmv", run + ".fmv",
                "tickstock.processor.topics.events", run + ".events",
                "tickstock.processor.topics.dlq", run + ".dlq");
        ProcessorConfig config = TestProcessorConfig.with(topics);
        ProcessorMetrics metrics = new ProcessorMetrics(new SimpleMeterRegistry());
        DeadLetterRouter router = new DeadLetterRouter(config.topics(), metrics, record -> { });
        Map<String, Object> common = new HashMap<>(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, run,
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("engines").toString(),
                StreamsConfig.REPLICATION_FACTOR_CONFIG, "1",
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName(),
                DeadLetterHandler.ROUTER_CONFIG, router));
        ChannelEngines engines = new ChannelEngines(TopologyProducer.build(config, metrics, StoreKind.IN_MEMORY),
                new EngineProperties(common, config), config, new RestoreTimer(new SimpleMeterRegistry()),
                new ThreadReplacement(), new SimpleMeterRegistry());
        List<String> allButEvents = List.of(run + ".tick", run + ".ohlcv", run + ".fmv", run + ".dlq");
        TestTopics.create(3, allButEvents);
        try {
            engines.start(null);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> engines.missingTopics().equals(Set.of(run + ".events")));
            assertThat(engines.streams(Engine.TICK).state()).isEqualTo(KafkaStreams.State.CREATED);
            assertThat(EngineHealthChecks.live(Engine.TICK, engines).getStatus().name()).isEqualTo("UP");
            assertThat(EngineHealthChecks.ready(Engine.OHLCV, engines).getStatus().name()).isEqualTo("DOWN");

            TestTopics.create(3, List.of(run + ".events"));

            await().atMost(Duration.ofSeconds(60)).until(() -> EngineHealthChecks.isReady(
                    engines.streams(Engine.TICK).state()) && EngineHealthChecks.isReady(
                    engines.streams(Engine.OHLCV).state()));
            assertThat(engines.missingTopics()).isEmpty();
        } finally {
            engines.stop(null);
        }
        assertThat(engines.streams(Engine.TICK).state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThat(engines.streams(Engine.OHLCV).state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThat(EngineHealthChecks.live(Engine.OHLCV, engines).getStatus().name()).isEqualTo("UP");
    }
}
