package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.Trade;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class IngestTimeTest {

    private static final long MINUTE_END = 1_700_000_060_000L;
    private static final IngestTime TWO_SECONDS = new IngestTime(2_000);

    private static ConsumerRecord<Object, Object> record(Object value) {
        return new ConsumerRecord<>("tickstock.raw.ohlcv", 0, 7, MINUTE_END, TimestampType.CREATE_TIME, 0, 0,
                "AAPL", value, new RecordHeaders(), java.util.Optional.empty());
    }

    /** A minute bar stamped with its end (the minute just closed), accepted {@code afterMillis} after it. */
    private static IngestedMessage minuteBar(long afterMillis) {
        return IngestedMessage.of("simulator", MINUTE_END + afterMillis,
                Aggregate.bar(Feed.AM, "AAPL", 1, 2, 1, 2, 10, MINUTE_END - 60_000, MINUTE_END));
    }

    private static IngestedMessage trade(long afterMillis) {
        return IngestedMessage.of("simulator", MINUTE_END + afterMillis,
                Trade.of("AAPL", 4, "t" + afterMillis, 2.5, 100, MINUTE_END + afterMillis - 5));
    }

    @Test
    void aTradeOrPerSecondBarIsOrderedByWhenIngestAcceptedIt() {
        IngestedMessage secondBar = IngestedMessage.of("simulator", MINUTE_END + 350,
                Aggregate.bar(Feed.A, "AAPL", 1, 2, 1, 2, 10, MINUTE_END - 1_000, MINUTE_END));

        assertThat(TWO_SECONDS.extract(record(secondBar), 0)).isEqualTo(MINUTE_END + 350);
        assertThat(TWO_SECONDS.extract(record(trade(350)), 0)).isEqualTo(MINUTE_END + 350);
    }

    @Test
    void aMinuteBarGoesBehindTheTradesAcceptedWithinTheDelayAfterIt() {
        List<IngestedMessage> arrival = List.of(minuteBar(100), minuteBar(120), trade(400), trade(2_200));

        List<IngestedMessage> taken = arrival.stream()
                .sorted(Comparator.comparingLong(m -> TWO_SECONDS.extract(record(m), 0))).toList();

        assertThat(taken).containsExactly(arrival.get(2), arrival.get(0), arrival.get(1), arrival.get(3));
        assertThat(new IngestTime(0).extract(record(minuteBar(100)), 0)).as("no delay: arrival order")
                .isEqualTo(MINUTE_END + 100);
    }

    @Test
    void aRecordWithoutAnEnvelopeKeepsItsOwnTimestamp() {
        assertThat(TWO_SECONDS.extract(record(null), 0)).isEqualTo(MINUTE_END);
        assertThat(TWO_SECONDS.extract(record("unreadable"), 0)).isEqualTo(MINUTE_END);
    }
}
