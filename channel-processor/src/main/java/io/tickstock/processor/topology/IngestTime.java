package io.tickstock.processor.topology;

import io.tickstock.model.IngestedMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The order in which a task that reads several raw topics takes their records: by when the ingest service accepted
 * them. Kafka Streams takes the record with the lowest timestamp next; by event time, a minute's bars (all stamped
 * with the minute just closed) would jump ahead of every trade that arrived beside them, and ticks would wait for
 * the whole burst. By ingest time the task takes records in arrival order, and that order is in the records
 * themselves: a restart or a replay of the same topics takes them in the same order, so it finds the same events.
 * Records without an envelope (a tombstone, an unreadable value) keep their own timestamp.
 */
public final class IngestTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return record.value() instanceof IngestedMessage message && message.ingestTs() > 0 ? message.ingestTs()
                : record.timestamp();
    }
}
