package io.tickstock.processor.topology;

import static io.tickstock.processor.topology.TickChannelTest.T0;
import static io.tickstock.processor.topology.TickChannelTest.WALL_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tickstock.model.Aggregate;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import io.tickstock.model.id.EventIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §5 across the channels: one market fact through several sources, re-deliveries and replayed files. */
class CrossSourceTest {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;

    private ProcessorDriver processor = new ProcessorDriver(Instant.ofEpochMilli(WALL_CLOCK));

    @AfterEach
    void close() {
        processor.close();
    }

    private static Trade trade(String id, double price, long time) {
        return new Trade(Feed.T, "XS", 4, id, null, price, 100, null, time);
    }

    private static Aggregate bar(Feed feed, double o, double h, double l, double c, long s, long length) {
        return Aggregate.bar(feed, "XS", o, h, l, c, 1_000, s, s + length);
    }

    private double crossSource(String channel) {
        return processor.counter("tickstock.channel.duplicates", "channel", channel, "kind", "cross_source");
    }

    private List<MarketEvent> highsAndLows() {
        return processor.events().stream().filter(e -> e.type() == EventType.HIGH || e.type() == EventType.LOW)
                .toList();
    }

    @Test
    void aTradeHighAndTheMinuteBarContainingItAreOneEvent() {
        processor.send(trade("1", 100.00, T0));
        Trade high = trade("2", 101.00, T0 + 20 * SECOND);
        processor.send(high);
        processor.send(trade("3", 100.50, T0 + 40 * SECOND));

        processor.send(bar(Feed.AM, 100.00, 101.00, 100.00, 100.50, T0, MINUTE));

        assertThat(highsAndLows()).extracting(MarketEvent::id).containsExactly(EventIds.of(high.identity(),
                EventType.HIGH));
        assertThat(crossSource("ohlcv")).isEqualTo(1);
    }

    @Test
    void aMinuteBarSeenFirstAndTheTradeAtItsHighAreOneEvent() {
        processor.send(trade("1", 100.00, T0));
        processor.send(bar(Feed.AM, 100.00, 101.00, 100.00, 100.50, T0, MINUTE));

        processor.send(trade("2", 101.00, T0 + MINUTE + SECOND));

        List<MarketEvent> events = highsAndLows();
        assertThat(events).extracting(MarketEvent::type, MarketEvent::price)
                .containsExactly(tuple(EventType.HIGH, 101.00));
        assertThat(events.get(0).source().feed()).isEqualTo(Feed.AM);
    }

    @Test
    void perSecondBarsAndTheirMinuteBarAreOneEvent() {
        processor.send(bar(Feed.A, 100.00, 100.00, 100.00, 100.00, T0, SECOND));
        processor.send(bar(Feed.A, 100.00, 101.00, 99.00, 100.20, T0 + 10 * SECOND, SECOND));
        processor.send(bar(Feed.A, 100.20, 100.40, 100.10, 100.30, T0 + 20 * SECOND, SECOND));

        processor.send(bar(Feed.AM, 100.00, 101.00, 99.00, 100.30, T0, MINUTE));

        assertThat(highsAndLows()).extracting(MarketEvent::type, e -> e.source().feed())
                .containsExactly(tuple(EventType.HIGH, Feed.A), tuple(EventType.LOW, Feed.A));
        assertThat(crossSource("ohlcv")).isEqualTo(1);
    }

    @Test
    void theSameMessageTwiceOnEveryChannelIsProcessedOnce() {
        List<MarketMessage> each = List.of(trade("1", 100.00, T0), trade("2", 101.00, T0 + 2 * SECOND),
                bar(Feed.AM, 100.00, 103.00, 100.00, 103.00, T0, MINUTE),
                new FairMarketValue(Feed.FMV, "XS", 110.0, 100.0, 0.9, (T0 + MINUTE) * 1_000_000));
        for (MarketMessage msg : each) {
            processor.send(msg);
            processor.send(msg);
        }

        // the trade high, the bar's higher high and its breakout, the quote's deviation: each once
        assertThat(processor.events()).extracting(MarketEvent::type)
                .containsExactly(EventType.HIGH, EventType.HIGH, EventType.BREAKOUT, EventType.FMV_DEVIATION);
        for (String channel : List.of("tick", "ohlcv", "fmv")) {
            assertThat(processor.counter("tickstock.channel.duplicates", "channel", channel, "kind", "input"))
                    .as(channel).isEqualTo(channel.equals("tick") ? 2 : 1);
        }
    }

    /** A few minutes of every feed for two symbols, in event-time order. */
    private static List<MarketMessage> mixedFile() {
        List<MarketMessage> file = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        double price = 100;
        for (int second = 0; second < 300; second++) {
            long t = T0 + second * SECOND;
            // a random walk, with one jump on heavy volume: a surge
            price *= second == 200 ? 1.05 : 1 + random.nextGaussian() * 0.004;
            long size = second == 200 ? 20_000 : 100 + second;
            file.add(new Trade(Feed.T, "RPL", 4, Integer.toString(second), null, round(price), size, null, t));
            if (second % 60 == 59) {
                long s = t - 59 * SECOND;
                file.add(Aggregate.bar(Feed.AM, "RPL", round(price * 0.97), round(price * 1.01), round(price * 0.96),
                        round(price), 10_000 + 5_000L * second, s, s + MINUTE));
            }
            if (second % 20 == 10) {
                file.add(new FairMarketValue(Feed.FMV, "RPL", round(price * 1.03), null, null, t * 1_000_000));
            }
        }
        return file;
    }

    private static double round(double price) {
        return Math.round(price * 100) / 100.0;
    }

    @Test
    void aReplayedFileYieldsNoNewEvents() {
        List<MarketMessage> file = mixedFile();
        file.forEach(processor::send);
        List<MarketEvent> first = processor.events();
        assertThat(first).extracting(MarketEvent::type).contains(EventType.HIGH, EventType.LOW, EventType.SURGE,
                EventType.FMV_DEVIATION, EventType.BREAKOUT);

        file.forEach(processor::send);

        assertThat(processor.events()).isEmpty();
    }

    @Test
    void aFileReplayedAfterTheDedupWindowStillYieldsNoNewEvents() {
        try (ProcessorDriver shortMemory = new ProcessorDriver(Map.of("tickstock.processor.dedup.retention", "30s"),
                Instant.ofEpochMilli(WALL_CLOCK), StoreKind.IN_MEMORY)) {
            List<MarketMessage> file = mixedFile();
            file.forEach(shortMemory::send);
            assertThat(shortMemory.events()).isNotEmpty();

            // most of the file is now older than the dedup store remembers: the per-symbol state must hold it back
            file.forEach(shortMemory::send);

            assertThat(shortMemory.events()).isEmpty();
        }
    }

    @Test
    void eventIdsDependOnlyOnTheInputAndTheType() {
        List<MarketMessage> file = mixedFile();
        file.forEach(processor::send);
        List<MarketEvent> first = processor.events();

        try (ProcessorDriver again = new ProcessorDriver(Instant.ofEpochMilli(WALL_CLOCK + 3_600_000))) {
            file.forEach(again::send);

            assertThat(again.events()).extracting(MarketEvent::id)
                    .containsExactlyElementsOf(first.stream().map(MarketEvent::id).toList());
        }
    }
}
