package io.tickstock.perf.run;

import io.tickstock.perf.client.PerfClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each group of clients had each minute burst: per (group, bar end), how many of the burst's events its
 * clients read, the last moment one of them read one, and the last moment the gateway read one of them from Kafka.
 * With what the group is owed of the burst, that says whether the burst was fully delivered to the group, how long
 * after its last bar was ingested, and how long the gateway's fan-out of it took.
 */
final class GroupBursts {

    private record Key(String group, long barEnd) {
    }

    private static final class Arrivals {
        long delivered;
        long lastAt;
        long lastReadUs;
    }

    private final Map<PerfClient, String> groupOf = new ConcurrentHashMap<>();
    private final Map<Key, Arrivals> arrivals = new HashMap<>();

    /** {@code client} belongs to {@code group}. */
    void member(PerfClient client, String group) {
        groupOf.put(client, group);
    }

    /**
     * {@code client} read an event of the bars that ended at {@code barEnd}, which the gateway had read at
     * {@code gatewayReadUs}.
     */
    void delivered(PerfClient client, long barEnd, long receivedMillis, long gatewayReadUs) {
        String group = groupOf.get(client);
        if (group == null || client.stalls()) {
            return;
        }
        synchronized (arrivals) {
            Arrivals burst = arrivals.computeIfAbsent(new Key(group, barEnd), k -> new Arrivals());
            burst.delivered++;
            burst.lastAt = Math.max(burst.lastAt, receivedMillis);
            burst.lastReadUs = Math.max(burst.lastReadUs, gatewayReadUs);
        }
    }

    /** Events of that burst the group's clients read, over all of them. */
    long delivered(String group, long barEnd) {
        synchronized (arrivals) {
            Arrivals burst = arrivals.get(new Key(group, barEnd));
            return burst == null ? 0 : burst.delivered;
        }
    }

    /** When the gateway read the last of them from Kafka, epoch µs (0: none, or it did not say). */
    long lastReadUs(String group, long barEnd) {
        synchronized (arrivals) {
            Arrivals burst = arrivals.get(new Key(group, barEnd));
            return burst == null ? 0 : burst.lastReadUs;
        }
    }

    /** When the last of them was read, epoch ms (0: none). */
    long lastAt(String group, long barEnd) {
        synchronized (arrivals) {
            Arrivals burst = arrivals.get(new Key(group, barEnd));
            return burst == null ? 0 : burst.lastAt;
        }
    }
}
