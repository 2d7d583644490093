package io.tickstock.processor.state;

import io.micrometer.core.instrument.Counter;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.model.serde.MalformedMessageException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jboss.logging.Logger;

/**
 * The serde of a state store. A stored value it cannot read (written by an older version whose state had another
 * shape, or damaged) reads as no value: the symbol starts that state afresh, the loss is counted and logged. Failing
 * instead would turn every later input of the symbol into a processing error, dead-lettered for as long as the old
 * value stays in the store.
 */
public final class StateSerde<T> implements Serde<T> {

    private static final Logger LOG = Logger.getLogger(StateSerde.class);
    private static final long LOG_EVERY = 1_000;

    private final JsonSerde<T> json;
    private final Deserializer<T> tolerant;

    public StateSerde(Class<T> type, Counter unreadable) {
        this.json = new JsonSerde<>(type);
        AtomicLong seen = new AtomicLong();
        this.tolerant = (topic, data) -> {
            try {
                return json.deserialize(topic, data);
            } catch (MalformedMessageException e) {
                unreadable.increment();
                if (seen.getAndIncrement() % LOG_EVERY == 0) {
                    LOG.warnf("unreadable %s in state (starting it afresh; %d so far): %s", type.getSimpleName(),
                            seen.get(), e.getMessage());
                }
                return null;
            }
        };
    }

    @Override
    public Serializer<T> serializer() {
        return json;
    }

    @Override
    public Deserializer<T> deserializer() {
        return tolerant;
    }
}
