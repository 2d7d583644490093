package io.tickstock.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.ingest.KafkaRawTopics;
import io.tickstock.ingest.Origin;
import io.tickstock.ingest.validate.Reason;
import io.tickstock.ingest.validate.Rejection;
import io.tickstock.model.DeadLetters;
import io.tickstock.model.Trade;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RawPublisherTest {

    private static final Origin ORIGIN = new Origin("test", "publisher");

    @Test
    void aSendKafkaCannotTakeIsCountedAsFailedAndNeverThrowsIntoTheSource() {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", "127.0.0.1:1"); // nothing listens there
        kafka.put("max.block.ms", 200);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RawPublisher publisher = new RawPublisher(new KafkaProducer<>(RawPublisher.producerConfig(kafka),
                new StringSerializer(), new ByteArraySerializer()), new KafkaRawTopics.Names("unreachable"), 1_000,
                registry, Clock.systemUTC());

        publisher.accepted(ORIGIN, Trade.of("FAIL", 4, "1", 10.0, 100, System.currentTimeMillis()));

        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.failedCount() == 1);
        assertThat(publisher.publishedCounts().values()).containsOnly(0L);
        assertThat(registry.get("tickstock.ingest.send.blocked").timer().count()).isEqualTo(1);
    }

    @Test
    void aHugeDeadLetterKeepsItsHeadAndSaysSo() {
        KafkaRawTopics topics = new KafkaRawTopics("publisher-test");
        RawPublisher publisher = topics.publisher(16);
        byte[] original = "0123456789abcdefTHE REST IS CUT".getBytes(StandardCharsets.UTF_8);

        publisher.rejected(ORIGIN, Rejection.of(Reason.FRAME_TOO_LARGE, "too big"), original, "CUTS");
        publisher.flush();

        List<ConsumerRecord<String, byte[]>> letters = KafkaRawTopics.readBytes(topics.dlq(), 1);
        assertThat(letters).hasSize(1);
        assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("0123456789abcdef");
        assertThat(KafkaRawTopics.header(letters.get(0), DeadLetters.DETAIL))
                .isEqualTo("too big (first 16 of 31 bytes kept)");
        assertThat(KafkaRawTopics.header(letters.get(0), DeadLetters.SOURCE)).isEqualTo("test");
        assertThat(letters.get(0).key()).isEqualTo("CUTS");
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.deadLetteredCount() == 1);
    }
}
