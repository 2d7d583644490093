package io.tickstock.perf.run;

import io.tickstock.perf.client.PerfClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each group of clients had each minute burst: per (group, bar end), how many of the burst's events its
 * clients read and the last moment one of them read one. With what the group is owed of the burst, that says
 * whether the burst was fully delivered to the group, and how long after its last bar was ingested.
 */
final class GroupBursts {

    private record Key(String group, long barEnd) {
    }

    private static final class Arrivals {
        long delivered;
        long lastAt;
    }

    private final Map<PerfClient, String> groupOf = new ConcurrentHashMap<>();
    private final Map<Key, Arrivals> arrivals = new HashMap<>();

    /** {@code client} belongs to {@code group}. */
    void member(PerfClient client, String group) {
        groupOf.put(client, group);
    }

    /** {@code client} read an event of the bars that ended at {@code barEnd}. */
    void delivered(PerfClient client, long barEnd, long receivedMillis) {
        String group = groupOf.get(client);
        if (group == null || client.stalls()) {
            return;
        }
        synchronized (arrivals) {
            Arrivals burst = arrivals.computeIfAbsent(new Key(group, barEnd), k -> new Arrivals());
            burst.delivered++;
            burst.lastAt = Math.max(burst.lastAt, receivedMillis);
        }
    }

    /** Events of that burst the group's clients read, over all of them. */
    long delivered(String group, long barEnd) {
        synchronized (arrivals) {
            Arrivals burst = arrivals.get(new Key(group, barEnd));
            return burst == null ? 0 : burst.delivered;
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
