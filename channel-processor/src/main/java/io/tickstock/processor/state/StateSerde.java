package io.tickstock.processor.state;

import io.micrometer.core.instrument.Counter;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jboss.logging.Logger;

/**
 * The serde of a state store: one format byte, then the value as its {@link StateCodec} lays it out. A stored value
 * it cannot read (another format, written by an older version, or damaged) reads as no value: the symbol starts that
 * state afresh, the loss is counted and logged. Failing instead would turn every later input of the symbol into a
 * processing error, dead-lettered for as long as the old value stays in the store.
 */
public final class StateSerde<T> implements Serde<T> {

    private static final Logger LOG = Logger.getLogger(StateSerde.class);
    private static final long LOG_EVERY = 1_000;

    private final StateCodec<T> codec;
    private final Serializer<T> writer;
    private final Deserializer<T> tolerant;

    public StateSerde(String store, StateCodec<T> codec, Counter unreadable) {
        this.codec = codec;
        this.writer = (topic, value) -> value == null ? null : encode(value);
        AtomicLong seen = new AtomicLong();
        this.tolerant = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return decode(data);
            } catch (RuntimeException e) {
                unreadable.increment();
                if (seen.getAndIncrement() % LOG_EVERY == 0) {
                    LOG.warnf("unreadable value in state store %s (starting it afresh; %d so far): %s", store,
                            seen.get(), e.getMessage());
                }
                return null;
            }
        };
    }

    byte[] encode(T value) {
        StateWriter out = new StateWriter(64);
        out.putByte(codec.format());
        codec.write(value, out);
        return out.toByteArray();
    }

    T decode(byte[] data) {
        StateReader in = new StateReader(data, 0);
        int format = in.getByte();
        if (format != codec.format()) {
            throw new IllegalStateException("format " + format + ", this version reads " + codec.format());
        }
        T value = codec.read(in);
        if (!in.atEnd()) {
            throw new IllegalStateException("bytes left after the value: not a value of this format");
        }
        return value;
    }

    @Override
    public Serializer<T> serializer() {
        return writer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return tolerant;
    }
}
