package io.tickstock.processor.topology;

import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The order in which a task that reads several raw topics takes their records: by when the ingest service accepted
 * them, minute bars held back behind the trades that follow them. Kafka Streams takes the record with the lowest
 * timestamp next; by event time, a minute's bars (all stamped with the minute just closed) would jump ahead of every
 * trade that arrived beside them, and ticks would wait for the whole burst. By ingest time the task takes records in
 * arrival order, but a trade arriving in a minute burst still waited for the highs and lows of the thousands of bars
 * accepted just before it. A minute bar therefore counts as accepted {@code minuteBarsBehindTrades} later: a trade
 * accepted within that time goes first, while a bar still goes as soon as no such trade waits (the task takes the
 * lowest timestamp it holds, it does not wait for the time to pass). The order stays in the records themselves: a
 * restart or a replay of the same topics takes them in the same order, so it finds the same events. Records without
 * an envelope (a tombstone, an unreadable value) keep their own timestamp.
 */
public final class IngestTime implements TimestampExtractor {

    private final long minuteBarsBehindTradesMillis;

    public IngestTime(long minuteBarsBehindTradesMillis) {
        this.minuteBarsBehindTradesMillis = minuteBarsBehindTradesMillis;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (!(record.value() instanceof IngestedMessage message) || message.ingestTs() <= 0) {
            return record.timestamp();
        }
        return message.msg().ev() == Feed.AM ? message.ingestTs() + minuteBarsBehindTradesMillis : message.ingestTs();
    }
}
