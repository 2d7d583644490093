package io.tickstock.processor.topology;

import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Topics;
import io.tickstock.model.id.EventIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the output record of a detected event: deterministic id, priority in value and header, source context. */
final class EventRecords {

    private static final int DETAIL_DECIMALS = 8;

    private EventRecords() {
    }

    /** The input a detection came from: the ingested message and the raw record it was read from. */
    record Input(IngestedMessage message, String topic, int partition, long offset) {

        static Input of(IngestedMessage message, RecordMetadata metadata) {
            return new Input(message, metadata.topic(), metadata.partition(), metadata.offset());
        }

        SourceContext source() {
            return SourceContext.of(message, topic, partition, offset);
        }
    }

    /** What a detector found, before it becomes a record. */
    record Detection(EventType type, Direction direction, double price, Map<String, Double> details) {
    }

    /** Details rounded to 8 decimals: what binary arithmetic adds beyond that (0.09659000000000001) is noise. */
    private static Map<String, Double> readable(Map<String, Double> details) {
        Map<String, Double> rounded = new HashMap<>();
        details.forEach((key, value) -> rounded.put(key, Double.isFinite(value)
                ? BigDecimal.valueOf(value).setScale(DETAIL_DECIMALS, RoundingMode.HALF_EVEN).doubleValue()
                : value));
        return rounded;
    }

    static Record<String, MarketEvent> event(Input input, Detection detection, int priority, long detectedAt) {
        String symbol = input.message().msg().sym();
        long eventTime = input.message().msg().eventTime();
        EventType type = detection.type();
        MarketEvent event = new MarketEvent(MarketEvent.VERSION, EventIds.of(input.message().msg().identity(), type),
                type, symbol, detection.direction(), detection.price(), priority, type.channel(), eventTime,
                detectedAt, readable(detection.details()), input.source());
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.PRIORITY_HEADER, Integer.toString(priority).getBytes(StandardCharsets.UTF_8));
        return new Record<>(symbol, event, eventTime, headers);
    }
}
