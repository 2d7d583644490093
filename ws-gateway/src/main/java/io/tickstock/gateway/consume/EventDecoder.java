package io.tickstock.gateway.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.model.serde.MalformedMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Turns a record of {@code tickstock.events} into an {@link OutgoingEvent}; one that is not an event is counted. */
@ApplicationScoped
public class EventDecoder {

    private static final Logger LOG = Logger.getLogger(EventDecoder.class);
    private static final long LOG_EVERY_MILLIS = 10_000;

    private final JsonSerde<MarketEvent> serde = new JsonSerde<>(MarketEvent.class);
    private final Counter received;
    private final Counter malformed;
    private final AtomicLong lastLogged = new AtomicLong();

    public EventDecoder(MeterRegistry registry) {
        this.received = registry.counter("tickstock.gateway.events.received");
        this.malformed = registry.counter("tickstock.gateway.events.malformed");
    }

    /** Epoch microseconds: the clock clients compare the gateway's read time with. */
    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** The event, or null (counted, logged at most every 10 s) when the record does not hold one. */
    public OutgoingEvent decode(ConsumerRecord<String, byte[]> record, boolean count) {
        if (count) {
            received.increment();
        }
        try {
            MarketEvent event = record.value() == null ? null : serde.deserialize(record.topic(), record.value());
            if (event == null || event.id() == null || event.type() == null || event.symbol() == null) {
                throw new MalformedMessageException("missing_field",
                        "an event needs id, type and symbol", null);
            }
            return OutgoingEvent.of(event, record.partition(), record.offset(), nowMicros());
        } catch (MalformedMessageException e) {
            if (count) {
                malformed.increment();
            }
            long now = System.currentTimeMillis();
            long last = lastLogged.get();
            if (now - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
                LOG.warnf("skipping %s-%d@%d (more may follow unlogged for 10 s): %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
            return null;
        }
    }
}
