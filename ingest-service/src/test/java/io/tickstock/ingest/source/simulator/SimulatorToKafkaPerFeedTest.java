package io.tickstock.ingest.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.ingest.KafkaRawTopics;
import io.tickstock.ingest.Origin;
import io.tickstock.ingest.TestIntakes;
import io.tickstock.ingest.publish.RawPublisher;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.Topics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What the simulator says it sent is what is on the raw topics, feed by feed, duplicates included, and each injected
 * duplicate says so in its origin.
 */
class SimulatorToKafkaPerFeedTest {

    @Test
    void everyFeedArrivesCompletely() {
        KafkaRawTopics topics = new KafkaRawTopics("simulator-feeds");
        RawPublisher publisher = topics.publisher();
        long now = System.currentTimeMillis();
        SimulatorProfile demo = SimulatorProfile.named("demo");
        MarketSimulator market = new MarketSimulator(demo, Universe.symbols(List.of(), 40), 42, 0.05, now);
        SimulatorRun run = new SimulatorRun(market, TestIntakes.wallClock(publisher),
                new Origin(Origin.SIMULATOR, "demo seed 42"), 3_000, Long.MAX_VALUE, 20, now, System::nanoTime);

        run.run();
        publisher.flush();

        assertThat(run.finished()).isTrue();
        Map<Feed, Long> sent = run.sent();
        assertThat(sent.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3_000);
        assertThat(sent).allSatisfy((feed, count) -> assertThat(count).as("feed %s", feed).isPositive());
        assertThat(run.duplicates().values().stream().mapToLong(Long::longValue).sum()).isPositive();

        Map<Feed, Long> onTopics = new EnumMap<>(Feed.class);
        Map<Feed, Long> markedResent = new EnumMap<>(Feed.class);
        for (String topic : List.of(topics.tick(), topics.ohlcv(), topics.fmv())) {
            for (ConsumerRecord<String, IngestedMessage> record : KafkaRawTopics.read(topic, 1)) {
                onTopics.merge(record.value().msg().ev(), 1L, Long::sum);
                assertThat(record.key()).isEqualTo(record.value().msg().sym());
                if (KafkaRawTopics.header(record, Topics.ORIGIN_HEADER).endsWith(Topics.RESENT_ORIGIN_SUFFIX)) {
                    markedResent.merge(record.value().msg().ev(), 1L, Long::sum);
                }
            }
        }
        assertThat(onTopics).isEqualTo(sent);
        assertThat(markedResent).as("injected re-sends marked in their origin").isEqualTo(nonZero(run.duplicates()));
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.publishedCounts().equals(sent));
    }

    // a feed that got no injected re-send has no marked record either
    private static Map<Feed, Long> nonZero(Map<Feed, Long> counts) {
        Map<Feed, Long> kept = new EnumMap<>(counts);
        kept.values().removeIf(count -> count == 0);
        return kept;
    }
}
