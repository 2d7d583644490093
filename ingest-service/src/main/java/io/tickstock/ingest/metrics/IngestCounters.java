package io.tickstock.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstock.ingest.validate.Reason;
import io.tickstock.model.Feed;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the boundary saw, per source: {@code tickstock.ingest.received{source,feed}} (feed {@code unknown} when the
 * input could not be read far enough), {@code .accepted{source,feed}} and {@code .rejected{source,reason}}.
 * For every source, received = accepted + rejected.
 */
public final class IngestCounters {

    private static final String UNKNOWN_FEED = "unknown";

    private final MeterRegistry registry;
    private final Map<String, SourceCounters> sources = new ConcurrentHashMap<>();

    public IngestCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String source, Feed feed) {
        SourceCounters counters = of(source);
        counters.received.get(feed).increment();
        counters.accepted.get(feed).increment();
    }

    /** A rejection; {@code feed} when the input got far enough to name one, else {@code null}. */
    public void rejected(String source, Feed feed, Reason reason) {
        SourceCounters counters = of(source);
        (feed == null ? counters.receivedUnknown : counters.received.get(feed)).increment();
        counters.rejected.computeIfAbsent(reason, r -> registry.counter("tickstock.ingest.rejected",
                "source", source, "reason", r.code())).increment();
    }

    /** Accepted messages per feed over every source. */
    public Map<Feed, Long> acceptedByFeed() {
        Map<Feed, Long> totals = new EnumMap<>(Feed.class);
        for (Feed feed : Feed.values()) {
            totals.put(feed, sources.values().stream().mapToLong(c -> (long) c.accepted.get(feed).count()).sum());
        }
        return totals;
    }

    public long received(String source) {
        SourceCounters counters = sources.get(source);
        return counters == null ? 0 : counters.received.values().stream().mapToLong(c -> (long) c.count()).sum()
                + (long) counters.receivedUnknown.count();
    }

    public long accepted(String source) {
        SourceCounters counters = sources.get(source);
        return counters == null ? 0 : counters.accepted.values().stream().mapToLong(c -> (long) c.count()).sum();
    }

    /** Rejections per reason code over every source, sorted by code. */
    public Map<String, Long> rejectedByReason() {
        Map<String, Long> totals = new TreeMap<>();
        sources.values().forEach(c -> c.rejected.forEach(
                (reason, counter) -> totals.merge(reason.code(), (long) counter.count(), Long::sum)));
        return totals;
    }

    public long rejected(String source) {
        SourceCounters counters = sources.get(source);
        return counters == null ? 0 : counters.rejected.values().stream().mapToLong(c -> (long) c.count()).sum();
    }

    private SourceCounters of(String source) {
        return sources.computeIfAbsent(source, SourceCounters::new);
    }

    private final class SourceCounters {
        private final Map<Feed, Counter> received = new EnumMap<>(Feed.class);
        private final Map<Feed, Counter> accepted = new EnumMap<>(Feed.class);
        private final Counter receivedUnknown;
        private final Map<Reason, Counter> rejected = new ConcurrentHashMap<>();

        private SourceCounters(String source) {
            for (Feed feed : Feed.values()) {
                received.put(feed, registry.counter("tickstock.ingest.received", "source", source, "feed", feed.code()));
                accepted.put(feed, registry.counter("tickstock.ingest.accepted", "source", source, "feed", feed.code()));
            }
            receivedUnknown = registry.counter("tickstock.ingest.received", "source", source, "feed", UNKNOWN_FEED);
        }
    }
}
