package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.id.EventIds;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The tick channel running in Quarkus under exactly_once_v2 against a real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TickChannelOnKafkaTest {

    @Test
    void committedEventsOnTheTopicAreExactlyTheDetectedOnesWithRedeliveriesDropped() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> RestAssured.get("/q/health/ready").then().statusCode(200)
                        .body("checks.findAll { it.name == 'broker' }.status", hasItem("UP")));
        long t0 = System.currentTimeMillis();
        Trade seed = new Trade(Feed.T, "QQQ", 4, "1", 3, 400.00, 100, null, t0);
        Trade high = new Trade(Feed.T, "QQQ", 4, "2", 3, 401.00, 100, null, t0 + 2_000);
        Trade low = new Trade(Feed.T, "QQQ", 4, "3", 3, 399.00, 100, null, t0 + 4_000);

        try (var producer = new KafkaProducer<>(TestBroker.clientProperties(), new StringSerializer(),
                new JsonSerde<>(IngestedMessage.class))) {
            for (Trade trade : List.of(seed, high, high, low, seed)) {
                producer.send(new ProducerRecord<>(Topics.RAW_TICK, null, trade.t(), trade.sym(),
                        IngestedMessage.of("test", trade.t(), trade)));
            }
        }

        List<MarketEvent> events;
        try (TopicReader<MarketEvent> committed =
                TopicReader.fromBeginning(Topics.EVENTS, new JsonSerde<>(MarketEvent.class))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> committed.readFor(Duration.ofMillis(200)).stream()
                    .filter(record -> record.key().equals("QQQ")).count() >= 2);
            // other test classes share the topic: keep this test's symbol
            events = committed.readFor(Duration.ofSeconds(1)).stream().map(ConsumerRecord::value)
                    .filter(event -> event.symbol().equals("QQQ")).toList();
        }

        assertThat(events).extracting(MarketEvent::id).containsExactly(
                EventIds.of(high.identity(), EventType.HIGH), EventIds.of(low.identity(), EventType.LOW));
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("tickstock_channel_duplicates_total{channel=\"tick\",kind=\"input\"} 2.0"));
    }
}
