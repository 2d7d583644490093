package io.tickstock.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The simulator's bounded test run (see %test in application.properties) lands on the real raw topic intact. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SimulatorToKafkaTest {

    private static final int EXPECTED = 300;

    @Test
    void everySimulatedTradeIsOnTheRawTopicKeyedBySymbolAtItsEventTime() {
        List<ConsumerRecord<String, IngestedMessage>> records = new ArrayList<>();
        try (KafkaConsumer<String, IngestedMessage> consumer = consumer()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= EXPECTED;
            });
            // nothing beyond the bounded run may follow
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }

        assertThat(records).hasSize(EXPECTED);
        for (ConsumerRecord<String, IngestedMessage> record : records) {
            Trade trade = (Trade) record.value().msg();
            assertThat(record.key()).isEqualTo(trade.sym());
            assertThat(record.timestamp()).isEqualTo(trade.t());
            assertThat(record.value().provider()).isEqualTo("simulator");
            assertThat(record.value().ingestTs()).isGreaterThanOrEqualTo(trade.t());
        }
        assertThat(records.stream().map(r -> r.value().msg().identity()).distinct()).hasSize(EXPECTED);
        RestAssured.get("/status").then().statusCode(200)
                .body("sent", org.hamcrest.Matchers.equalTo(EXPECTED))
                .body("published.T", org.hamcrest.Matchers.equalTo(EXPECTED));
    }

    private static KafkaConsumer<String, IngestedMessage> consumer() {
        Properties props = TestBroker.clientProperties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, IngestedMessage> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new JsonSerde<>(IngestedMessage.class));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW_TICK).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
