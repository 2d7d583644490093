package io.tickstock.tools.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Topics;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lag and dead-letter counts from a real broker, and the one-screen layout. */
class StatusReportTest {

    private static final String RAW = "status-test.raw";
    private static final String GROUP = "status-test-group";

    @BeforeAll
    static void topics() {
        TestTopics.create(2, List.of(RAW, Topics.RAW_DLQ, Topics.PROCESSOR_DLQ));
    }

    @Test
    void lagIsWhatTheGroupHasNotCommittedYet() throws Exception {
        produce(RAW, 10);
        commit(GROUP, new TopicPartition(RAW, 0), endOffset(RAW, 0));
        commit(GROUP, new TopicPartition(RAW, 1), 0);

        try (KafkaBacklog backlog = new KafkaBacklog(TestBroker.bootstrapServers())) {
            assertThat(backlog.lag(GROUP)).containsEntry(RAW, endOffset(RAW, 1));
        }
        assertThat(endOffsets(RAW)).isEqualTo(10);
    }

    @Test
    void deadLettersAreCountedOnTheTopics() throws Exception {
        long before = endOffsets(Topics.RAW_DLQ);
        produce(Topics.RAW_DLQ, 3);

        try (KafkaBacklog backlog = new KafkaBacklog(TestBroker.bootstrapServers())) {
            Map<String, Long> counts = backlog.retained(List.of(Topics.RAW_DLQ, Topics.PROCESSOR_DLQ));
            assertThat(counts.get(Topics.RAW_DLQ)).isEqualTo(before + 3);
            assertThat(counts).containsKey(Topics.PROCESSOR_DLQ);
        }
    }

    @Test
    void printsEveryChannelWithDashesForWhatIsNotExported() {
        MetricsText before = MetricsText.parse("tickstock_channel_processed_total{channel=\"tick\"} 100\n");
        MetricsText after = MetricsText.parse("tickstock_channel_processed_total{channel=\"tick\"} 350\n"
                + "tickstock_channel_dlq_total{channel=\"tick\",reason=\"x\"} 4\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new StatusReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).channels(new Rates(before, after, 1.0));

        String screen = bytes.toString(StandardCharsets.UTF_8);
        assertThat(screen).containsPattern("tick\\s+250\\.0\\s+-\\s+-\\s+-\\s+4\\n");
        assertThat(screen).containsPattern("ohlcv\\s+-\\s+-\\s+-\\s+-\\s+-\\n");
        assertThat(screen).containsPattern("fmv\\s+-");
    }

    private static void produce(String topic, int count) {
        Properties props = TestBroker.clientProperties();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "SYM" + i, "value " + i));
            }
            producer.flush();
        }
    }

    private static void commit(String group, TopicPartition partition, long offset) {
        Properties props = TestBroker.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)), Duration.ofSeconds(30));
        }
    }

    private static long endOffset(String topic, int partition) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(TestBroker.clientProperties(),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
            return consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
        }
    }

    private static long endOffsets(String topic) {
        return endOffset(topic, 0) + endOffset(topic, 1);
    }
}
