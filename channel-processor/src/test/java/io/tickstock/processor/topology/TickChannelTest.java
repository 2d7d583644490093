package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.id.EventIds;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.TestProcessorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TickChannelTest {

    private static final long T0 = Instant.parse("2024-03-12T15:00:00Z").toEpochMilli();
    private static final long WALL_CLOCK = Instant.parse("2024-03-12T15:00:00.250Z").toEpochMilli();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, IngestedMessage> raw;
    private TestOutputTopic<String, MarketEvent> events;

    @BeforeEach
    void startDriver() {
        driver = newDriver(registry);
        raw = driver.createInputTopic(Topics.RAW_TICK, new StringSerializer(), new JsonSerde<>(IngestedMessage.class));
        events = driver.createOutputTopic(Topics.EVENTS, new StringDeserializer(), new JsonSerde<>(MarketEvent.class));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static TopologyTestDriver newDriver(SimpleMeterRegistry registry) {
        StreamsBuilder builder = new StreamsBuilder();
        TickChannel.addTo(builder, TestProcessorConfig.defaults(), registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tick-channel-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir());
        return new TopologyTestDriver(builder.build(), props, Instant.ofEpochMilli(WALL_CLOCK));
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("tick-channel-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Trade trade(String sym, String id, double price, long time) {
        return new Trade(Feed.T, sym, 4, id, 3, price, 100, null, time);
    }

    private void send(MarketMessage msg) {
        raw.pipeInput(msg.sym(), IngestedMessage.of("simulator", msg.eventTime() + 3, msg), msg.eventTime());
    }

    private double counter(String name) {
        return registry.get(name).tag("channel", "tick").counter().count();
    }

    @Test
    void aClearingTradeEmitsAHighWithItsFullContext() {
        send(trade("AAPL", "1", 190.00, T0));
        Trade high = trade("AAPL", "2", 190.10, T0 + 2_000);
        send(high);

        TestRecord<String, MarketEvent> record = events.readRecord();
        MarketEvent event = record.value();
        assertThat(record.key()).isEqualTo("AAPL");
        assertThat(record.timestamp()).isEqualTo(high.t());
        assertThat(new String(record.headers().lastHeader(Topics.PRIORITY_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("1");
        assertThat(event).isEqualTo(new MarketEvent(1, EventIds.of(high.identity(), EventType.HIGH), EventType.HIGH,
                "AAPL", Direction.UP, 190.10, 1, Channel.TICK, high.t(), WALL_CLOCK,
                Map.of("sessionHigh", 190.10, "previousHigh", 190.00, "step", 0.095),
                new SourceContext("simulator", Feed.T, high.t(), high.t() + 3, Topics.RAW_TICK, 0, 1L,
                        high.identity())));
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void lowsCarryDownDirectionAndTheirOwnDetails() {
        send(trade("MSFT", "1", 400.00, T0));
        send(trade("MSFT", "2", 399.80, T0 + 1_500));

        MarketEvent low = events.readValue();
        assertThat(low.type()).isEqualTo(EventType.LOW);
        assertThat(low.direction()).isEqualTo(Direction.DOWN);
        assertThat(low.details()).containsEntry("sessionLow", 399.80).containsEntry("previousLow", 400.00);
    }

    @Test
    void theSameInputMessageTwiceGivesOneEvent() {
        send(trade("AAPL", "1", 190.00, T0));
        Trade high = trade("AAPL", "2", 190.20, T0 + 2_000);
        send(high);
        send(high);
        send(trade("AAPL", "1", 190.00, T0));

        assertThat(events.readValuesToList()).extracting(MarketEvent::id)
                .containsExactly(EventIds.of(high.identity(), EventType.HIGH));
        assertThat(counter("tickstock.channel.processed")).isEqualTo(4);
        assertThat(counter("tickstock.channel.duplicates")).isEqualTo(2);
        assertThat(counter("tickstock.channel.emitted")).isEqualTo(1);
    }

    @Test
    void aRedeliveryArrivingOutOfOrderWithinTheWindowIsStillDropped() {
        send(trade("AAPL", "1", 190.00, T0));
        Trade high = trade("AAPL", "2", 190.20, T0 + 2_000);
        send(high);
        send(trade("AAPL", "3", 189.00, T0 + 5 * 60_000));
        events.readValuesToList();

        send(high);

        assertThat(events.isEmpty()).isTrue();
        assertThat(counter("tickstock.channel.duplicates")).isEqualTo(1);
    }

    @Test
    void theSameTradeIdOnAnotherExchangeIsAnotherTrade() {
        send(trade("AAPL", "1", 190.00, T0));
        Trade high = trade("AAPL", "7", 190.20, T0 + 2_000);
        send(high);
        send(new Trade(Feed.T, "AAPL", 11, "7", 3, 190.40, 100, null, T0 + 4_000));

        assertThat(events.readValuesToList()).extracting(MarketEvent::price).containsExactly(190.20, 190.40);
    }

    @Test
    void symbolsKeepTheirOwnExtremes() {
        send(trade("AAPL", "1", 190.00, T0));
        send(trade("TSLA", "1", 250.00, T0));
        send(trade("TSLA", "2", 190.50, T0 + 2_000));
        send(trade("AAPL", "2", 190.50, T0 + 2_000));

        assertThat(events.readValuesToList()).extracting(MarketEvent::symbol, MarketEvent::type)
                .containsExactly(tuple("TSLA", EventType.LOW),
                        tuple("AAPL", EventType.HIGH));
    }

    @Test
    void aPerSecondBarAndTheTradeInsideItAreOneHigh() {
        send(trade("AAPL", "1", 190.00, T0));
        send(Aggregate.bar(Feed.A, "AAPL", 190.00, 190.30, 190.00, 190.25, 900, T0 + 1_000, T0 + 2_000));
        send(trade("AAPL", "2", 190.30, T0 + 3_500));

        List<MarketEvent> out = events.readValuesToList();
        assertThat(out).extracting(MarketEvent::type, MarketEvent::price)
                .containsExactly(tuple(EventType.HIGH, 190.30));
        assertThat(out.get(0).source().feed()).isEqualTo(Feed.A);
    }

    @Test
    void replayingTheSameInputGivesTheSameIdsInAnotherRun() {
        List<MarketMessage> input = List.of(trade("AAPL", "1", 190.00, T0), trade("AAPL", "2", 190.20, T0 + 2_000),
                trade("AAPL", "3", 189.50, T0 + 4_000), trade("AAPL", "4", 191.00, T0 + 6_000));
        input.forEach(this::send);
        List<MarketEvent> first = events.readValuesToList();

        try (TopologyTestDriver second = newDriver(new SimpleMeterRegistry())) {
            TestInputTopic<String, IngestedMessage> in = second.createInputTopic(Topics.RAW_TICK,
                    new StringSerializer(), new JsonSerde<>(IngestedMessage.class));
            input.forEach(msg -> in.pipeInput(msg.sym(), IngestedMessage.of("simulator", msg.eventTime() + 3, msg),
                    msg.eventTime()));
            List<MarketEvent> again = second.createOutputTopic(Topics.EVENTS, new StringDeserializer(),
                    new JsonSerde<>(MarketEvent.class)).readValuesToList();

            assertThat(first).hasSize(3);
            assertThat(again).isEqualTo(first);
        }
    }

    @Test
    void anFmvMessageOnTheTickTopicIsCountedInvalidAndDoesNotStopTheChannel() {
        send(new FairMarketValue(Feed.FMV, "AAPL", 190.0, null, null, T0 * 1_000_000));
        send(trade("AAPL", "1", 190.00, T0));
        send(trade("AAPL", "2", 190.20, T0 + 2_000));

        assertThat(counter("tickstock.channel.invalid")).isEqualTo(1);
        assertThat(events.readValuesToList()).hasSize(1);
    }
}
