package io.tickstock.perf.expect;

import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.model.serde.MalformedMessageException;
import io.tickstock.perf.integrity.IdSpace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Every event committed to {@code tickstock.events} from the run's start on, read as the gateway reads them
 * ({@code read_committed}): the ground truth of what clients are owed. An event belongs to the run when its input
 * record lies on a raw topic past the offset that topic ended at when the run started; events of earlier input may
 * still arrive and are kept apart. The same id committed twice is a processor duplicate (its dedup or exactly-once
 * failed), counted here, whatever the gateway then makes of it.
 */
public final class CommittedEvents implements TopicFollower.Handler {

    private final IdSpace ids;
    private final Map<TopicPartition, Long> rawStarts;
    private final long runStartMillis;
    private final JsonSerde<MarketEvent> serde = new JsonSerde<>(MarketEvent.class);
    private final Map<String, String> names = new HashMap<>();
    private final List<EventFact> facts = new ArrayList<>();
    private final BitSet seen = new BitSet();
    private final BitSet repeated = new BitSet();
    private long malformed;

    /**
     * @param rawStarts end offsets of the raw topics when the run started: input at or past them is the run's
     * @param runStartMillis the run's start, for an input on a topic {@code rawStarts} does not know
     */
    public CommittedEvents(IdSpace ids, Map<TopicPartition, Long> rawStarts, long runStartMillis) {
        this.ids = ids;
        this.rawStarts = Map.copyOf(rawStarts);
        this.runStartMillis = runStartMillis;
    }

    @Override
    public void record(ConsumerRecord<byte[], byte[]> record, long readAtMillis) {
        MarketEvent event;
        try {
            event = serde.deserializer().deserialize(record.topic(), record.value());
        } catch (MalformedMessageException e) {
            synchronized (this) {
                malformed++;
            }
            return;
        }
        int number = ids.numberOf(event.id());
        SourceContext source = event.source();
        EventFact fact = new EventFact(number, name(event.type().wireName()), name(event.symbol()),
                name(event.channel().wireName()), event.priority(), name(source.feed().code()), source.providerTs(),
                source.ingestTs(), fromRun(source), readAtMillis);
        synchronized (this) {
            if (seen.get(number)) {
                repeated.set(number);
            }
            seen.set(number);
            facts.add(fact);
        }
    }

    private boolean fromRun(SourceContext source) {
        Long start = rawStarts.get(new TopicPartition(source.topic(), source.partition()));
        return start != null ? source.offset() >= start : source.ingestTs() >= runStartMillis;
    }

    // a run holds a few hundred symbols and ten types: one string each, not one per event
    private String name(String value) {
        synchronized (names) {
            return names.computeIfAbsent(value, v -> v);
        }
    }

    /** Records read so far (events; the same id twice counts twice). */
    public synchronized long count() {
        return facts.size();
    }

    /** Every event read so far, in the order read (the same id twice appears twice). */
    public synchronized List<EventFact> facts() {
        return List.copyOf(facts);
    }

    /** The events read since {@code from} (an index into the order read), for incremental scans. */
    public synchronized List<EventFact> factsFrom(int from) {
        return from >= facts.size() ? List.of() : List.copyOf(facts.subList(from, facts.size()));
    }

    /** Numbers of the events matching {@code filter}. */
    public synchronized BitSet numbers(Predicate<EventFact> filter) {
        BitSet numbers = new BitSet();
        for (EventFact fact : facts) {
            if (filter.test(fact)) {
                numbers.set(fact.number());
            }
        }
        return numbers;
    }

    /** Ids committed more than once. */
    public synchronized int repeatedIds() {
        return repeated.cardinality();
    }

    public synchronized BitSet repeated() {
        return (BitSet) repeated.clone();
    }

    /** Records on the topic that were not events. */
    public synchronized long malformed() {
        return malformed;
    }
}
