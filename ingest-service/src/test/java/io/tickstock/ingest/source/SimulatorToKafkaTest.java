package io.tickstock.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The service's bounded test run (see %test in application.properties) lands on the real raw topic intact. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SimulatorToKafkaTest {

    private static final int EXPECTED = 300;
    private static final String ORIGIN = "trades seed 42";

    @Test
    void everySimulatedTradeIsOnTheRawTopicKeyedBySymbolAtItsEventTime() {
        List<ConsumerRecord<String, IngestedMessage>> records;
        try (TopicReader<IngestedMessage> raw =
                TopicReader.fromBeginning(Topics.RAW_TICK, new JsonSerde<>(IngestedMessage.class))) {
            raw.awaitAtLeast(EXPECTED, Duration.ofSeconds(60));
            // nothing beyond the bounded run may follow
            records = raw.readFor(Duration.ofMillis(500)).stream().filter(r -> ORIGIN.equals(origin(r))).toList();
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
                .body("simulator.sent", Matchers.equalTo(EXPECTED))
                .body("simulator.finished", Matchers.equalTo(true))
                .body("published.T", Matchers.greaterThanOrEqualTo(EXPECTED));
    }

    private static String origin(ConsumerRecord<String, IngestedMessage> record) {
        var header = record.headers().lastHeader(Topics.ORIGIN_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
