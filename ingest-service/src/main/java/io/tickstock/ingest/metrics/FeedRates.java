package io.tickstock.ingest.metrics;

import io.tickstock.model.Feed;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Accepted messages per second and per minute, per feed, from once-a-second samples of the counters: the rates
 * the status page shows next to SPEC §9's events/min.
 */
public final class FeedRates {

    /** A feed's rate over the last 10 s (per second) and the last 60 s (per minute). */
    public record Rate(double perSecond, double perMinute) {
    }

    private static final int SHORT_WINDOW = 10;
    private static final int LONG_WINDOW = 60;

    private final Supplier<Map<Feed, Long>> counts;
    private final Deque<Map<Feed, Long>> samples = new ArrayDeque<>();

    public FeedRates(Supplier<Map<Feed, Long>> counts) {
        this.counts = counts;
    }

    /** Takes this second's sample; call once a second. */
    public synchronized void sample() {
        samples.addLast(counts.get());
        while (samples.size() > LONG_WINDOW + 1) {
            samples.removeFirst();
        }
    }

    public synchronized Map<Feed, Rate> rates() {
        Map<Feed, Rate> rates = new EnumMap<>(Feed.class);
        if (samples.size() < 2) {
            for (Feed feed : Feed.values()) {
                rates.put(feed, new Rate(0, 0));
            }
            return rates;
        }
        Map<Feed, Long> last = samples.peekLast();
        Map<Feed, Long> shortAgo = back(Math.min(SHORT_WINDOW, samples.size() - 1));
        int longSeconds = Math.min(LONG_WINDOW, samples.size() - 1);
        Map<Feed, Long> longAgo = back(longSeconds);
        int shortSeconds = Math.min(SHORT_WINDOW, samples.size() - 1);
        for (Feed feed : Feed.values()) {
            double perSecond = (double) (last.get(feed) - shortAgo.get(feed)) / shortSeconds;
            double perMinute = (double) (last.get(feed) - longAgo.get(feed)) * 60 / longSeconds;
            rates.put(feed, new Rate(Math.round(perSecond * 10) / 10.0, Math.round(perMinute)));
        }
        return rates;
    }

    private Map<Feed, Long> back(int seconds) {
        int skip = samples.size() - 1 - seconds;
        return samples.stream().skip(skip).findFirst().orElseThrow();
    }
}
