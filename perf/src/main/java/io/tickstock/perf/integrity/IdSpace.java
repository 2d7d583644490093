package io.tickstock.perf.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers every event id seen in a run, by the committed-events reader or by any client, densely from 0, so that
 * what each of a thousand clients received fits in a bit set instead of a set of strings.
 */
public final class IdSpace {

    private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();
    private final List<String> ids = new ArrayList<>();

    /** The number of {@code id}, given on first sight. */
    public int numberOf(String id) {
        Integer known = numbers.get(id);
        return known != null ? known : numbers.computeIfAbsent(id, this::next);
    }

    // runs under the map's lock for this key only: the list needs its own
    private int next(String id) {
        synchronized (ids) {
            ids.add(id);
            return ids.size() - 1;
        }
    }

    /** The id numbered {@code number}. */
    public String id(int number) {
        synchronized (ids) {
            return ids.get(number);
        }
    }

    public int size() {
        synchronized (ids) {
            return ids.size();
        }
    }
}
