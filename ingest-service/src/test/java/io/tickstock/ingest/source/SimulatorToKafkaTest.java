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
import io.tickstock.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The simulator's bounded test run (see %test in application.properties) lands on the real raw topic intact. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SimulatorToKafkaTest {

    private static final int EXPECTED = 300;

    @Test
    void everySimulatedTradeIsOnTheRawTopicKeyedBySymbolAtItsEventTime() {
        List<ConsumerRecord<String, IngestedMessage>> records;
        try (TopicReader<IngestedMessage> raw =
                TopicReader.fromBeginning(Topics.RAW_TICK, new JsonSerde<>(IngestedMessage.class))) {
            raw.awaitAtLeast(EXPECTED, Duration.ofSeconds(30));
            // nothing beyond the bounded run may follow
            records = raw.readFor(Duration.ofMillis(500));
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
}
