package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.DeadLetters;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * All three channels in Quarkus under exactly_once_v2 on a real broker: a poison record on each channel's topic
 * lands on the processor DLQ with its reason and coordinates while every channel keeps producing events; the
 * state endpoint, the per-channel health checks and metrics answer.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ChannelsOnKafkaTest {

    private static final JsonSerde<IngestedMessage> INGESTED = new JsonSerde<>(IngestedMessage.class);

    private static byte[] bytes(MarketMessage msg) {
        return INGESTED.serialize(null, IngestedMessage.of("test", msg.eventTime(), msg));
    }

    @Test
    void aPoisonRecordOnEachChannelIsDeadLetteredAndEveryChannelKeepsProducing() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> RestAssured.get("/q/health/ready").then().statusCode(200));
        long t = System.currentTimeMillis();
        Map<String, List<Object[]>> byTopic = Map.of(
                Topics.RAW_TICK, List.of(
                        new Object[] {"ISO1", bytes(Trade.of("ISO1", 4, "1", 50.00, 100, t))},
                        new Object[] {"ISO1", "{not json".getBytes(StandardCharsets.UTF_8)},
                        new Object[] {"ISO1", bytes(Trade.of("ISO1", 4, "2", 51.00, 100, t + 2_000))}),
                Topics.RAW_OHLCV, List.of(
                        new Object[] {"ISO2", bytes(Aggregate.bar(Feed.AM, "ISO2", 10, 9, 8, 11, 1, t, t + 60_000))},
                        new Object[] {"ISO2", bytes(Aggregate.bar(Feed.AM, "ISO2", 10, 10.3, 10, 10.3, 500, t,
                                t + 60_000))}),
                Topics.RAW_FMV, List.of(
                        new Object[] {"ISO3", bytes(new FairMarketValue(Feed.FMV, "ISO3", 10, 9.0, 2.0,
                                t * 1_000_000))},
                        new Object[] {"ISO3", bytes(new FairMarketValue(Feed.FMV, "ISO3", 10, 9.0, 0.9,
                                (t + 1) * 1_000_000))}));
        try (var producer = new KafkaProducer<>(TestBroker.clientProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            byTopic.forEach((topic, records) -> records.forEach(r ->
                    producer.send(new ProducerRecord<>(topic, null, t, (String) r[0], (byte[]) r[1]))));
        }

        try (TopicReader<MarketEvent> events = TopicReader.fromBeginning(Topics.EVENTS,
                new JsonSerde<>(MarketEvent.class))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events.readFor(
                    Duration.ofMillis(200)).stream().map(ConsumerRecord::value)
                    .filter(e -> e.symbol().startsWith("ISO")).map(MarketEvent::channel).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(Channel.TICK, Channel.OHLCV, Channel.FMV));
        }
        List<ConsumerRecord<String, byte[]>> dead;
        try (TopicReader<byte[]> dlq = TopicReader.fromBeginning(Topics.PROCESSOR_DLQ, new ByteArrayDeserializer())) {
            dead = dlq.awaitAtLeast(3, Duration.ofSeconds(30)).stream()
                    .filter(r -> r.key().startsWith("ISO")).toList();
        }
        assertThat(dead).extracting(r -> header(r, DeadLetters.CHANNEL) + ":" + header(r, DeadLetters.REASON)
                + ":" + header(r, DeadLetters.ORIGINAL_TOPIC))
                .containsExactlyInAnyOrder("tick:not_json:" + Topics.RAW_TICK,
                        "ohlcv:bar_inconsistent:" + Topics.RAW_OHLCV, "fmv:confidence_out_of_range:" + Topics.RAW_FMV);
        assertThat(dead).allSatisfy(r -> assertThat(header(r, DeadLetters.ORIGINAL_OFFSET)).matches("\\d+"));
        Set<String> metrics = Set.of(RestAssured.get("/q/metrics").asString().split("\n"));
        assertThat(metrics).contains(
                "tickstock_channel_dlq_total{channel=\"tick\",reason=\"not_json\"} 1.0",
                "tickstock_channel_dlq_total{channel=\"ohlcv\",reason=\"bar_inconsistent\"} 1.0",
                "tickstock_channel_dlq_total{channel=\"fmv\",reason=\"confidence_out_of_range\"} 1.0");

        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("channel tick", "channel ohlcv", "channel fmv"));
        RestAssured.get("/state/ISO1").then().statusCode(200)
                .body("symbol", equalTo("ISO1"))
                .body("shared.lastPrice", equalTo(51.0f))
                .body("shared.extremes.high", equalTo(51.0f))
                .body("recentSeconds.size()", equalTo(2));
        RestAssured.get("/state/ISO2").then().statusCode(200).body("bars.bars[0].c", equalTo(10.3f));
        RestAssured.get("/state/ISO3").then().statusCode(200).body("fmv.fairValue", equalTo(10.0f));
        RestAssured.get("/state/NOPE").then().statusCode(404).body(containsString("no state"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
