package io.tickstock.processor.topology;

import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Topics;
import io.tickstock.model.id.EventIds;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the output record of a detected event: deterministic id, priority in value and header, source context. */
final class EventRecords {

    private static final double DETAIL_SCALE = 1e8;
    private static final double ROUNDED_BELOW = 1e7;

    private EventRecords() {
    }

    /** The input a detection came from: the ingested message and the raw record it was read from. */
    record Input(IngestedMessage message, String topic, int partition, long offset) {

        static Input of(IngestedMessage message, RecordMetadata metadata) {
            return new Input(message, metadata.topic(), metadata.partition(), metadata.offset());
        }

        /** The source context, with the message's identity (already computed for the event id). */
        SourceContext source(String identity) {
            MarketMessage msg = message.msg();
            return new SourceContext(message.provider(), msg.ev(), msg.eventTime(), message.ingestTs(), topic,
                    partition, offset, identity);
        }
    }

    /** What a detector found, before it becomes a record. */
    record Detection(EventType type, Direction direction, double price, Map<String, Double> details) {
    }

    /** Details rounded to 8 decimals: what binary arithmetic adds beyond that (0.09659000000000001) is noise. */
    private static Map<String, Double> readable(Map<String, Double> details) {
        Map<String, Double> rounded = new HashMap<>();
        details.forEach((key, value) -> rounded.put(key, round(value)));
        return rounded;
    }

    /**
     * To 8 decimals, half to even. Beyond {@link #ROUNDED_BELOW} a double has no noise left at the 8th decimal (and
     * scaling would lose precision), so it is kept as it is.
     */
    static double round(double value) {
        return Double.isFinite(value) && Math.abs(value) < ROUNDED_BELOW
                ? Math.rint(value * DETAIL_SCALE) / DETAIL_SCALE : value;
    }

    static Record<String, MarketEvent> event(Input input, Detection detection, int priority, long detectedAt) {
        MarketMessage msg = input.message().msg();
        String symbol = msg.sym();
        long eventTime = msg.eventTime();
        EventType type = detection.type();
        String identity = msg.identity();
        MarketEvent event = new MarketEvent(MarketEvent.VERSION, EventIds.of(identity, type), type, symbol,
                detection.direction(), detection.price(), priority, type.channel(), eventTime, detectedAt,
                readable(detection.details()), input.source(identity));
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.PRIORITY_HEADER, Integer.toString(priority).getBytes(StandardCharsets.UTF_8));
        return new Record<>(symbol, event, eventTime, headers);
    }
}
