package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.DeadLetters;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tick channel's high/low path, its source context, input dedup and poison handling, on RocksDB stores. */
class TickChannelTest {

    static final long T0 = Instant.parse("2024-03-12T15:00:00Z").toEpochMilli();
    static final long WALL_CLOCK = Instant.parse("2024-03-12T15:00:00.250Z").toEpochMilli();

    private ProcessorDriver processor = persistent();

    private static ProcessorDriver persistent() {
        return new ProcessorDriver(Map.of(), Instant.ofEpochMilli(WALL_CLOCK), StoreKind.ROCKSDB);
    }

    @AfterEach
    void close() {
        processor.close();
    }

    static Trade trade(String sym, String id, double price, long time) {
        return new Trade(Feed.T, sym, 4, id, 3, price, 100, null, time);
    }

    private void send(MarketMessage msg) {
        processor.send(msg);
    }

    private double counter(String name, String... tags) {
        String[] all = new String[tags.length + 2];
        all[0] = "channel";
        all[1] = "tick";
        System.arraycopy(tags, 0, all, 2, tags.length);
        return processor.counter(name, all);
    }

    @Test
    void aClearingTradeEmitsAHighWithItsFullContext() {
        send(trade("AAPL", "1", 190.00, T0));
        Trade high = trade("AAPL", "2", 190.10, T0 + 2_000);
        send(high);

        List<TestRecord<String, MarketEvent>> records = processor.eventRecords();
        assertThat(records).hasSize(1);
        TestRecord<String, MarketEvent> record = records.get(0);
        assertThat(record.key()).isEqualTo("AAPL");
        assertThat(record.timestamp()).isEqualTo(high.t());
        assertThat(new String(record.headers().lastHeader(Topics.PRIORITY_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("1");
        assertThat(record.value()).isEqualTo(new MarketEvent(1, EventIds.of(high.identity(), EventType.HIGH),
                EventType.HIGH, "AAPL", Direction.UP, 190.10, 1, Channel.TICK, high.t(), WALL_CLOCK,
                Map.of("sessionHigh", 190.10, "previousHigh", 190.00, "step", 0.095),
                new SourceContext("simulator", Feed.T, high.t(), high.t() + 3, Topics.RAW_TICK, 0, 1L,
                        high.identity())));
        assertThat(counter("tickstock.channel.emitted", "type", "high")).isEqualTo(1);
    }

    @Test
    void lowsCarryDownDirectionAndTheirOwnDetails() {
        send(trade("MSFT", "1", 400.00, T0));
        send(trade("MSFT", "2", 399.80, T0 + 1_500));

        MarketEvent low = processor.events().get(0);
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

        assertThat(processor.events()).extracting(MarketEvent::id)
                .containsExactly(EventIds.of(high.identity(), EventType.HIGH));
        assertThat(counter("tickstock.channel.processed")).isEqualTo(4);
        assertThat(counter("tickstock.channel.duplicates", "kind", "input")).isEqualTo(2);
        assertThat(counter("tickstock.channel.emitted")).isEqualTo(1);
    }

    @Test
    void aRedeliveryArrivingOutOfOrderWithinTheWindowIsStillDropped() {
        send(trade("AAPL", "1", 190.00, T0));
        Trade high = trade("AAPL", "2", 190.20, T0 + 2_000);
        send(high);
        send(trade("AAPL", "3", 189.00, T0 + 5 * 60_000));
        processor.events();

        send(high);

        assertThat(processor.events()).isEmpty();
        assertThat(counter("tickstock.channel.duplicates", "kind", "input")).isEqualTo(1);
    }

    @Test
    void theSameTradeIdOnAnotherExchangeIsAnotherTrade() {
        send(trade("AAPL", "1", 190.00, T0));
        send(trade("AAPL", "7", 190.20, T0 + 2_000));
        send(new Trade(Feed.T, "AAPL", 11, "7", 3, 190.40, 100, null, T0 + 4_000));

        assertThat(processor.events()).extracting(MarketEvent::price).containsExactly(190.20, 190.40);
    }

    @Test
    void symbolsKeepTheirOwnExtremes() {
        send(trade("AAPL", "1", 190.00, T0));
        send(trade("TSLA", "1", 250.00, T0));
        send(trade("TSLA", "2", 190.50, T0 + 2_000));
        send(trade("AAPL", "2", 190.50, T0 + 2_000));

        assertThat(processor.events()).extracting(MarketEvent::symbol, MarketEvent::type)
                .containsExactly(tuple("TSLA", EventType.LOW), tuple("AAPL", EventType.HIGH));
    }

    @Test
    void aPerSecondBarAndTheTradeInsideItAreOneHigh() {
        send(trade("AAPL", "1", 190.00, T0));
        send(Aggregate.bar(Feed.A, "AAPL", 190.00, 190.30, 190.00, 190.25, 900, T0 + 1_000, T0 + 2_000));
        send(trade("AAPL", "2", 190.30, T0 + 3_500));

        List<MarketEvent> out = processor.events();
        assertThat(out).extracting(MarketEvent::type, MarketEvent::price)
                .containsExactly(tuple(EventType.HIGH, 190.30));
        assertThat(out.get(0).source().feed()).isEqualTo(Feed.A);
    }

    @Test
    void replayingTheSameInputGivesTheSameIdsInAnotherRun() {
        List<MarketMessage> input = List.of(trade("AAPL", "1", 190.00, T0), trade("AAPL", "2", 190.20, T0 + 2_000),
                trade("AAPL", "3", 189.50, T0 + 4_000), trade("AAPL", "4", 191.00, T0 + 6_000));
        input.forEach(this::send);
        List<MarketEvent> first = processor.events();

        try (ProcessorDriver second = persistent()) {
            input.forEach(second::send);

            assertThat(first).hasSize(3);
            assertThat(second.events()).isEqualTo(first);
        }
    }

    @Test
    void anFmvMessageOnTheTickTopicIsDeadLetteredAndDoesNotStopTheChannel() {
        FairMarketValue misplaced = new FairMarketValue(Feed.FMV, "AAPL", 190.0, null, null, T0 * 1_000_000);
        processor.sendTo(Topics.RAW_TICK, "AAPL", misplaced);
        send(trade("AAPL", "1", 190.00, T0));
        send(trade("AAPL", "2", 190.20, T0 + 2_000));

        assertThat(processor.events()).hasSize(1);
        assertThat(counter("tickstock.channel.invalid")).isEqualTo(1);
        assertThat(counter("tickstock.channel.dlq", "reason", "wrong_feed")).isEqualTo(1);
        ProducerRecord<byte[], byte[]> dead = processor.deadLetters.get(0);
        assertThat(ProcessorDriver.header(dead, DeadLetters.CHANNEL)).isEqualTo("tick");
        assertThat(new JsonSerde<>(IngestedMessage.class).deserialize(null, dead.value()).msg()).isEqualTo(misplaced);
    }
}
