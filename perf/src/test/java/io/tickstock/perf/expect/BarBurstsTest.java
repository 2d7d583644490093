package io.tickstock.perf.expect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.serde.JsonSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class BarBurstsTest {

    private static final long MINUTE = 60_000;
    private final BarBursts bursts = new BarBursts();

    private void ingest(String symbol, long barEnd, long ingestTs) {
        Aggregate bar = Aggregate.bar(Feed.AM, symbol, 10, 11, 9, 10.5, 1_000, barEnd - MINUTE, barEnd);
        byte[] value = new JsonSerde<>(IngestedMessage.class).serialize("raw",
                IngestedMessage.of("simulator", ingestTs, bar));
        bursts.record(new ConsumerRecord<>("tickstock.raw.ohlcv", 0, 0, symbol.getBytes(), value), ingestTs);
    }

    @Test
    void aBurstTakesFromItsLastBarIngestedToItsLastEventRead() {
        ingest("AAPL", MINUTE, 1_000);
        ingest("MSFT", MINUTE, 1_040);
        ingest("AAPL", MINUTE, 1_900); // a re-sent copy is not part of the burst
        bursts.delivered(MINUTE, 1_100);
        bursts.delivered(MINUTE, 1_350);

        List<BarBursts.Burst> list = bursts.bursts(Map.of(MINUTE, 2L));

        assertThat(list).hasSize(1);
        BarBursts.Burst burst = list.get(0);
        assertThat(burst.bars()).isEqualTo(2);
        assertThat(burst.firstIngestedAt()).isEqualTo(1_000);
        assertThat(burst.lastIngestedAt()).isEqualTo(1_040);
        assertThat(burst.latencyMillis()).isEqualTo(310);
    }

    @Test
    void aBurstWhoseEventsHaveNotAllArrivedHasNoLatencyYet() {
        ingest("AAPL", MINUTE, 1_000);
        bursts.delivered(MINUTE, 1_100);

        assertThat(bursts.bursts(Map.of(MINUTE, 2L)).get(0).latencyMillis()).isEqualTo(-1);
        assertThat(bursts.bursts(Map.of()).get(0).latencyMillis()).as("no events: nothing to time").isEqualTo(-1);
    }

    @Test
    void aBurstTheRunCutShortIsLeftOutOfTheFiguresAndListedApart() {
        ingest("AAPL", MINUTE, 1_000);
        ingest("MSFT", MINUTE, 1_000);
        ingest("AAPL", 2 * MINUTE, 61_000);
        bursts.delivered(0, 900); // an event of bars before the run: no burst of it

        assertThat(bursts.bursts(Map.of())).extracting(BarBursts.Burst::barEnd).containsExactly(MINUTE);
        assertThat(bursts.cut(Map.of())).extracting(BarBursts.Burst::barEnd, BarBursts.Burst::bars)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2 * MINUTE, 1));
    }
}
