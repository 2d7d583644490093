package io.tickstock.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.deadletter.DeadLetterHandler;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnginePropertiesTest {

    private final EngineProperties properties = new EngineProperties(Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG, "tickstock-processor",
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
            StreamsConfig.POLL_MS_CONFIG, "10",
            "group.instance.id", "processor-0"),
            TestProcessorConfig.with(Map.of(
                    "tickstock.processor.tick-engine.commit-interval", "5ms",
                    "tickstock.processor.tick-engine.stream-threads", "2",
                    "tickstock.processor.ohlcv-engine.commit-interval", "100ms")));

    @Test
    void theTickEngineKeepsTheConfiguredIdsAndCommitsAsItsSettingsSay() {
        Properties tick = properties.of(Engine.TICK);

        assertThat(tick).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "tickstock-processor")
                .containsEntry("group.instance.id", "processor-0")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "5")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2")
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, "5")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(DeadLetterHandler.OWNED_TOPICS_CONFIG, "tickstock.raw.tick,tickstock.raw.fmv");
    }

    @Test
    void theOhlcvEngineHasIdsOfItsOwnAndOwnsTheBars() {
        Properties ohlcv = properties.of(Engine.OHLCV);

        assertThat(ohlcv).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "tickstock-processor-ohlcv")
                .containsEntry("group.instance.id", "processor-0-ohlcv")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1")
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, "10")
                .containsEntry(DeadLetterHandler.OWNED_TOPICS_CONFIG, "tickstock.raw.ohlcv");
    }
}
