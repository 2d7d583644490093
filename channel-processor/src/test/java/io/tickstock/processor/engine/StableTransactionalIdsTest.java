package io.tickstock.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StableTransactionalIdsTest {

    private static final String APP = "tickstock-processor-ohlcv";

    /** The id Kafka Streams gives a thread's producer: application id, the process id of this start, thread index. */
    private static String streamsId(int thread) {
        return APP + "-" + UUID.randomUUID() + "-" + thread;
    }

    @Test
    void aThreadKeepsItsIndexAndLosesTheProcessIdOfItsStart() {
        StableTransactionalIds ids = new StableTransactionalIds(APP, "channel-processor-0-ohlcv");

        Map<String, Object> config = ids.withStableId(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, streamsId(2),
                ProducerConfig.CLIENT_ID_CONFIG, "producer-2"));

        assertThat(config).containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, APP + "-channel-processor-0-ohlcv-2")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "producer-2");
    }

    @Test
    void withoutAnInstanceIdOrATransactionTheProducerIsLeftAsKafkaStreamsConfiguredIt() {
        Map<String, Object> transactional = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, streamsId(1));
        Map<String, Object> plain = Map.of(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");

        assertThat(new StableTransactionalIds(APP, null).withStableId(transactional)).isEqualTo(transactional);
        assertThat(new StableTransactionalIds(APP, "pod-0").withStableId(plain)).isEqualTo(plain);
    }

    @Test
    void theEnginesPropertiesNameTheInstance() {
        Properties engine = new Properties();
        engine.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        engine.put(EngineProperties.STATIC_MEMBER, "pod-3-ohlcv");

        assertThat(StableTransactionalIds.of(engine).withStableId(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                streamsId(1)))).containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, APP + "-pod-3-ohlcv-1");
    }

    @Test
    void aRestartedThreadAbortsTheTransactionItsKilledPredecessorLeftOpen() throws Exception {
        String topic = "stable-ids-" + UUID.randomUUID();
        TestTopics.create(1, List.of(topic));
        TopicPartition partition = new TopicPartition(topic, 0);
        StableTransactionalIds ids = new StableTransactionalIds(APP, "pod-0-" + UUID.randomUUID());
        Producer<byte[], byte[]> killed = ids.getProducer(producerConfig(streamsId(1)));
        Producer<byte[], byte[]> restarted = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.bootstrapServers()))) {
            killed.initTransactions();
            killed.beginTransaction();
            killed.send(new ProducerRecord<>(topic, 0, null, "open".getBytes())).get();
            assertThat(stableEnd(admin, partition)).isZero(); // the transaction holds back read_committed readers

            restarted = ids.getProducer(producerConfig(streamsId(1))); // the next start: another process id
            restarted.initTransactions();

            // long before the open transaction's 60 s timeout: aborted by the fencing
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(stableEnd(admin, partition)).isEqualTo(end(admin, partition)).isPositive());
        } finally {
            killed.close(Duration.ZERO);
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private static Map<String, Object> producerConfig(String transactionalId) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
    }

    private static long stableEnd(Admin admin, TopicPartition partition) throws Exception {
        return offset(admin, partition, IsolationLevel.READ_COMMITTED);
    }

    private static long end(Admin admin, TopicPartition partition) throws Exception {
        return offset(admin, partition, IsolationLevel.READ_UNCOMMITTED);
    }

    private static long offset(Admin admin, TopicPartition partition, IsolationLevel isolation) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(isolation)).all()
                .get().get(partition).offset();
    }
}
