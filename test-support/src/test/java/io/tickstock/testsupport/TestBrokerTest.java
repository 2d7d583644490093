package io.tickstock.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestBrokerTest {

    @Test
    void aTransactionalRecordRoundTripsThroughTheRealBroker() throws Exception {
        TestTopics.create(2, List.of("test-broker-roundtrip"));
        Properties producerProps = TestBroker.clientProperties();
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-broker-tx");
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("test-broker-roundtrip", 1, "k", "hello")).get();
            producer.commitTransaction();
        }

        Properties consumerProps = TestBroker.clientProperties();
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("test-broker-roundtrip", 1);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> records = consumer.poll(Duration.ofSeconds(10)).records(partition);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("hello");
        }
    }

    @Test
    void theBrokerIsSharedWithinTheJvm() {
        assertThat(TestBroker.bootstrapServers()).isEqualTo(TestBroker.bootstrapServers()).contains(":");
    }
}
