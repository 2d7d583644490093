package io.tickstock.gateway.socket;

import static io.tickstock.gateway.GatewayClients.WAIT;
import static io.tickstock.gateway.GatewayClients.ids;
import static io.tickstock.gateway.GatewayClients.metric;
import static io.tickstock.gateway.GatewayClients.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Kafka is the buffer (SPEC §8): a client that stops reading through a burst larger than the log of recent events
 * catches up from the events topic and is not closed; one that asked for conflation gets every P0/P1 but not every
 * P2/P3; one that never reads again is closed with 407 after the client timeout. The others miss nothing meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(SmallLog.class)
class CatchUpTest extends ConnectedTest {

    private static final int ROUND = 400;
    private static final int MAX_ROUNDS = 150;
    /** Large events, so a stalled client's TCP buffers fill within a few rounds. */
    private static final Map<String, Double> DETAILS = new HashMap<>();

    static {
        for (int i = 0; i < 60; i++) {
            DETAILS.put("padding" + i, i + 0.123456789);
        }
    }

    private long seq;

    private WsTestClient subscribed(String params, boolean conflate) {
        WsTestClient client = connect();
        client.send("{\"action\":\"subscribe\",\"params\":\"" + params + "\",\"snapshot\":false,\"conflate\":"
                + conflate + "}");
        client.next("status", WAIT);
        return client;
    }

    /** A client that subscribes, then stops reading, as one behind a dead network does. */
    private WsTestClient stalled(String params, boolean conflate) {
        WsTestClient client = subscribed(params, conflate);
        client.stopReading();
        return client;
    }

    /** A P3 FMV deviation, a P2 trend (few keys: conflatable), a P1 high, in turn. */
    private MarketEvent next(String symbol) {
        long n = seq++;
        EventType type = n % 3 == 0 ? EventType.FMV_DEVIATION : n % 3 == 1 ? EventType.TREND : EventType.HIGH;
        MarketEvent plain = TestEvents.event(type, symbol, (int) (3 - n % 3), n);
        Map<String, Double> details = new HashMap<>(DETAILS);
        details.put("seq", (double) n);
        return new MarketEvent(plain.v(), UUID.randomUUID().toString().replace("-", ""), type, symbol, Direction.UP,
                plain.price(), plain.priority(), type.channel() == null ? Channel.TICK : type.channel(),
                plain.eventTime(), plain.detectedAt(), details, plain.source());
    }

    /**
     * Publishes rounds of events (the reading clients take each before the next) until {@code enough}, while the
     * stalled client pings (alive, only not reading); returns them in order.
     */
    private List<MarketEvent> publishUntil(String symbol, WsTestClient stalled, List<WsTestClient> reading,
            BooleanSupplier enough) {
        List<MarketEvent> published = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS && !enough.getAsBoolean(); round++) {
            List<MarketEvent> events = new ArrayList<>();
            for (int i = 0; i < ROUND; i++) {
                events.add(next(symbol));
            }
            TestEvents.publish(Topics.EVENTS, events);
            published.addAll(events);
            stalled.send("{\"action\":\"ping\"}");
            int total = published.size();
            await().atMost(Duration.ofSeconds(120)).until(() -> reading.stream()
                    .allMatch(client -> client.events().size() >= total));
        }
        assertThat(enough.getAsBoolean()).as("reached within %d rounds", MAX_ROUNDS).isTrue();
        return published;
    }

    private static long behind() {
        return RestAssured.get("/api/stats").jsonPath().getLong("behind");
    }

    @Test
    void aClientThatStopsReadingThroughABurstCatchesUpFromKafkaWithEveryEventOnceAndIsNotClosed() {
        String symbol = symbol("K");
        WsTestClient reading = subscribed("*." + symbol, false);
        WsTestClient stalled = stalled("*." + symbol, false);
        double topicReadsBefore = metric("tickstock_gateway_topic_reads_total");

        List<MarketEvent> published = publishUntil(symbol, stalled, List.of(reading),
                () -> behind() > 2 * SmallLog.RECENT_EVENTS);
        stalled.resumeReading();

        await().atMost(Duration.ofSeconds(120)).until(() -> stalled.events().size() >= published.size());
        List<String> expected = published.stream().map(MarketEvent::id).toList();
        assertThat(ids(stalled.events())).as("every event once, in order").containsExactlyElementsOf(expected);
        assertThat(ids(reading.events())).containsExactlyElementsOf(expected);
        assertThat(metric("tickstock_gateway_topic_reads_total")).as("it read the events topic")
                .isGreaterThan(topicReadsBefore);
        assertThat(stalled.closed()).isFalse();
        assertThat(stalled.received()).noneMatch(object -> object.path("ev").asText().equals("error"));
    }

    @Test
    void aClientThatAskedForConflationGetsEveryP1ButNotEveryP2OrP3WhenBehind() {
        String symbol = symbol("C");
        WsTestClient reading = subscribed("*." + symbol, false);
        WsTestClient conflating = stalled("*." + symbol, true);

        List<MarketEvent> published = publishUntil(symbol, conflating, List.of(reading),
                () -> behind() > SmallLog.SLOW_BACKLOG);
        conflating.resumeReading();

        List<String> p1 = published.stream().filter(e -> e.priority() == 1).map(MarketEvent::id).toList();
        await().atMost(Duration.ofSeconds(120)).until(() -> ids(conflating.events()).containsAll(p1));
        JsonNode notice = conflating.next("status", WAIT);
        while (!notice.path("status").asText().equals("slow")) {
            notice = conflating.next("status", WAIT);
        }
        assertThat(notice.path("shed").asInt() + notice.path("conflated").asInt()).isPositive();
        assertThat(conflating.events().size()).isLessThan(published.size());
        assertThat(ids(conflating.events())).doesNotHaveDuplicates();
        assertThat(metric("tickstock_gateway_shed_total{priority=\"3\"}")).isPositive();
        assertThat(metric("tickstock_gateway_conflated_total{priority=\"2\"}")).isPositive();
        assertThat(conflating.closed()).isFalse();
    }

    /** The log no longer holds the cursor's place and retention deleted it: what is left, and a flag for the gap. */
    @Test
    void aCursorOlderThanTheLogAndRetentionResumesWhatIsLeftAndSaysItDidNotRecover() throws Exception {
        String symbol = symbol("R");
        WsTestClient before = subscribed("*." + symbol, false);
        List<MarketEvent> seen = publish(symbol, 5);
        await().atMost(WAIT).until(() -> before.events().size() == seen.size());
        String cursor = before.events().get(seen.size() - 1).path("cursor").asText();
        before.close();
        String filler = symbol("O");
        WsTestClient watching = subscribed("*." + filler, false);
        publish(filler, 2 * SmallLog.RECENT_EVENTS);
        // once the gateway has passed every filler event on, its log of recent events no longer holds the cursor
        await().atMost(WAIT).until(() -> watching.events().size() == 2 * SmallLog.RECENT_EVENTS);
        watching.close();
        deleteEverythingSoFar();
        List<MarketEvent> kept = publish(symbol, 6);

        // no snapshot: a gateway that has not read the kept events yet would send the state before the cursor
        WsTestClient after = connect();
        after.send("{\"action\":\"subscribe\",\"params\":\"*." + symbol + "\",\"snapshot\":false,\"cursor\":\""
                + cursor + "\"}");
        JsonNode resumed = after.next("status", WAIT);
        while (!resumed.path("status").asText().equals("resumed")) {
            resumed = after.next("status", WAIT);
        }

        assertThat(resumed.path("recovered").asBoolean(true)).isFalse();
        // the kept events arrive in the resume or, if the gateway had not read them yet, live after it
        await().atMost(WAIT).until(() -> after.events().size() >= kept.size());
        assertThat(ids(after.events())).containsExactlyElementsOf(kept.stream().map(MarketEvent::id).toList());
    }

    private List<MarketEvent> publish(String symbol, int count) {
        List<MarketEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(next(symbol));
        }
        TestEvents.publish(Topics.EVENTS, events);
        return events;
    }

    private static void deleteEverythingSoFar() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(TestBroker.clientProperties())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < KafkaTestResource.PARTITIONS; p++) {
                latest.put(new TopicPartition(Topics.EVENTS, p), OffsetSpec.latest());
            }
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, offset) ->
                    delete.put(partition, RecordsToDelete.beforeOffset(offset.offset())));
            admin.deleteRecords(delete).all().get();
        }
    }

    @Test
    void aClientThatNeverReadsAgainIsClosedWith407AfterTheClientTimeoutAndTheOthersCarryOn() {
        String symbol = symbol("N");
        WsTestClient reading = subscribed("*." + symbol, false);
        WsTestClient stalled = stalled("*." + symbol, false);
        double closesBefore = metric("tickstock_gateway_slow_closes_total");
        long start = System.nanoTime();

        List<MarketEvent> published = publishUntil(symbol, stalled, List.of(reading),
                () -> metric("tickstock_gateway_slow_closes_total") > closesBefore);
        long stalledFor = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(stalledFor).as("closed after the 8 s client timeout, not before").isGreaterThanOrEqualTo(8);
        assertThat(ids(reading.events())).containsExactlyElementsOf(published.stream().map(MarketEvent::id)
                .toList());
        stalled.resumeReading();
        JsonNode closing = stalled.next("error", Duration.ofSeconds(60));
        assertThat(closing.path("code").asInt()).isEqualTo(407);
        assertThat(closing.path("message").asText()).containsPattern("(no progress|no message or pong) for 8 s");
        await().atMost(WAIT).until(stalled::closed);
        assertThat(stalled.closeCode()).isEqualTo(4407);
        assertThat(reading.closed()).isFalse();
    }
}
