package io.tickstock.perf.expect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickstock.model.Aggregate;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.model.serde.MalformedMessageException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The minute bursts of SPEC §9's OHLCV target: every OHLCV symbol's minute bar arrives at once, and the measure is
 * the time from the last bar of a burst ingested to the last event of that burst at a client. Bars are read from
 * the raw OHLCV topic (a re-sent copy of a bar is not part of the burst); a burst is named by its bars' end time,
 * which every event of it carries as {@code source.providerTs}.
 */
public final class BarBursts implements TopicFollower.Handler {

    /** One burst: its bars, when they were ingested, and when the client got their events. */
    public record Burst(long barEnd, int bars, long firstIngestedAt, long lastIngestedAt, long events,
            long delivered, long lastDeliveredAt) {

        /** Last bar ingested → last event at the client, once every event of the burst arrived; -1 before. */
        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public long latencyMillis() {
            return events > 0 && delivered >= events ? lastDeliveredAt - lastIngestedAt : -1;
        }
    }

    private static final class Arrivals {
        final Set<String> bars = new HashSet<>();
        long firstIngestedAt = Long.MAX_VALUE;
        long lastIngestedAt;
        long delivered;
        long lastDeliveredAt;
    }

    private final JsonSerde<IngestedMessage> serde = new JsonSerde<>(IngestedMessage.class);
    private final Map<Long, Arrivals> bursts = new TreeMap<>();

    @Override
    public void record(ConsumerRecord<byte[], byte[]> record, long readAtMillis) {
        IngestedMessage message;
        try {
            message = serde.deserializer().deserialize(record.topic(), record.value());
        } catch (MalformedMessageException e) {
            return; // ingest validated it; the processor's DLQ count shows anything else
        }
        if (message.msg() instanceof Aggregate bar) {
            synchronized (this) {
                Arrivals burst = bursts.computeIfAbsent(bar.e(), e -> new Arrivals());
                if (burst.bars.add(bar.sym())) {
                    burst.firstIngestedAt = Math.min(burst.firstIngestedAt, message.ingestTs());
                    burst.lastIngestedAt = Math.max(burst.lastIngestedAt, message.ingestTs());
                }
            }
        }
    }

    /** A client read an event of a bar that ended at {@code barEnd}. */
    public synchronized void delivered(long barEnd, long receivedMillis) {
        Arrivals burst = bursts.computeIfAbsent(barEnd, e -> new Arrivals());
        burst.delivered++;
        burst.lastDeliveredAt = Math.max(burst.lastDeliveredAt, receivedMillis);
    }

    /**
     * The bursts of the run, each with the number of events committed for it; only whole bursts (as many bars as
     * the largest one): the figures are timed over these, and {@link #cut} are the others.
     */
    public List<Burst> bursts(Map<Long, Long> eventsPerBarEnd) {
        return select(eventsPerBarEnd, true);
    }

    /**
     * The bursts with fewer bars than the largest one: cut by the input's start or end, or bars missing. (Events a
     * client read of bars before the run, none of which the run ingested, are no burst of it.)
     */
    public List<Burst> cut(Map<Long, Long> eventsPerBarEnd) {
        return select(eventsPerBarEnd, false);
    }

    private synchronized List<Burst> select(Map<Long, Long> eventsPerBarEnd, boolean whole) {
        int most = bursts.values().stream().mapToInt(a -> a.bars.size()).max().orElse(0);
        List<Burst> list = new ArrayList<>();
        bursts.forEach((barEnd, a) -> {
            if (!a.bars.isEmpty() && (a.bars.size() == most) == whole) {
                list.add(new Burst(barEnd, a.bars.size(), a.firstIngestedAt, a.lastIngestedAt,
                        eventsPerBarEnd.getOrDefault(barEnd, 0L), a.delivered, a.lastDeliveredAt));
            }
        });
        return list;
    }
}
