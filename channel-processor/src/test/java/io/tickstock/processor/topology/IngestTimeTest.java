package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class IngestTimeTest {

    private static ConsumerRecord<Object, Object> record(Object value) {
        return new ConsumerRecord<>("tickstock.raw.ohlcv", 0, 7, 1_700_000_060_000L, TimestampType.CREATE_TIME, 0, 0,
                "AAPL", value, new RecordHeaders(), java.util.Optional.empty());
    }

    @Test
    void aRawRecordIsOrderedByWhenIngestAcceptedIt() {
        // a bar stamped with its end (the minute just closed), accepted 350 ms after it
        IngestedMessage bar = IngestedMessage.of("simulator", 1_700_000_060_350L,
                Aggregate.bar(Feed.AM, "AAPL", 1, 2, 1, 2, 10, 1_700_000_000_000L, 1_700_000_060_000L));

        assertThat(new IngestTime().extract(record(bar), 0)).isEqualTo(1_700_000_060_350L);
    }

    @Test
    void aRecordWithoutAnEnvelopeKeepsItsOwnTimestamp() {
        assertThat(new IngestTime().extract(record(null), 0)).isEqualTo(1_700_000_060_000L);
        assertThat(new IngestTime().extract(record("unreadable"), 0)).isEqualTo(1_700_000_060_000L);
    }
}
