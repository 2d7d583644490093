package io.tickstock.tools.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.Json;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The trace on a real broker: only the symbol's records, only from the moment it started, raw and events alike. */
class KafkaTapTest {

    private static final String SYMBOL = "TRACEA";

    @Test
    void followsTheSymbolThroughRawAndEventTopicsFromNowOn() throws Exception {
        List<String> raw = List.of(Topics.RAW_TICK, Topics.RAW_OHLCV, Topics.RAW_FMV);
        TestTopics.create(3, List.of(Topics.RAW_TICK, Topics.RAW_OHLCV, Topics.RAW_FMV, Topics.EVENTS));
        long now = System.currentTimeMillis();
        Trade before = Trade.of(SYMBOL, 4, "1", 10.0, 100, now - 1000);
        Trade traced = Trade.of(SYMBOL, 4, "2", 10.5, 100, now);
        Trade other = Trade.of("OTHERA", 4, "3", 20.0, 100, now);
        publish(Topics.RAW_TICK, SYMBOL, IngestedMessage.of("test", now - 999, before));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HopLog log = new HopLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        KafkaTap tap = new KafkaTap(TestBroker.bootstrapServers(), raw, Topics.EVENTS, SYMBOL, log);
        tap.startAtEnd(Duration.ofSeconds(30));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> tap.run(Long.MAX_VALUE));
        try {
            publish(Topics.RAW_TICK, "OTHERA", IngestedMessage.of("test", now, other));
            publish(Topics.RAW_TICK, SYMBOL, IngestedMessage.of("test", now + 1, traced));
            MarketEvent event = HopLogTest.highOf(traced, now + 1, now + 3);
            publish(Topics.EVENTS, SYMBOL, event);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(text(bytes))
                    .contains(traced.identity()).contains("id " + event.id().substring(0, 12)));
        } finally {
            tap.stop();
            running.get();
            tap.close();
        }
        assertThat(text(bytes)).doesNotContain(before.identity()).doesNotContain("OTHERA");
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void publish(String topic, String key, Object value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TestBroker.clientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, Json.mapper().writeValueAsBytes(value))).get();
        }
    }
}
