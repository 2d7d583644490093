package io.tickstock.gateway.consume;

import io.tickstock.gateway.route.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Remembers where each recent event id first appeared in {@code tickstock.events}, so an id written twice (an input
 * re-sent after the processor's dedup window, say) reaches clients only from its first position, live and in
 * replays alike (SPEC §5.3). Bounded: the oldest ids are forgotten first. One writer (the feed), many readers.
 *
 * <p>Its memory is allocated whole when the gateway starts (24 bytes per id, and an index of 8–16) and never grows.
 * As a map of id strings it took ~140 bytes per id and filled for hours at a quiet market's pace: under the
 * steady-state profile it was most of what the gateway's live heap grew by (docs/architecture.md "Gateway memory").
 * An id is kept as its 128 bits: the processor's ids are 32 lowercase hex digits (model {@code EventIds}); any other
 * string is reduced to 128 bits by MD5, so two ids are confused only as rarely as two of the processor's collide.
 */
public final class RepeatFilter {

    private static final int EMPTY = -1;
    private static final int ID_HEX_DIGITS = 32;

    private final int capacity;
    /** The ids in the order they were first seen, a ring: slot {@code added % capacity} is the next (or oldest). */
    private final long[] high;
    private final long[] low;
    private final long[] firstPosition;
    /** Open addressing by the id's low bits, at most half full: a ring slot, or {@link #EMPTY}. */
    private final int[] index;
    private final int mask;
    private long added;

    public RepeatFilter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the repeat filter needs room for one id at least, not " + capacity);
        }
        this.capacity = capacity;
        this.high = new long[capacity];
        this.low = new long[capacity];
        this.firstPosition = new long[capacity];
        int size = Integer.highestOneBit(capacity) << 2;
        this.index = new int[size];
        this.mask = size - 1;
        Arrays.fill(index, EMPTY);
    }

    /** Records an id read by the feed; true when it is new or this is the position it was first seen at. */
    public synchronized boolean firstAt(String id, int partition, long offset) {
        long position = OutgoingEvent.position(partition, offset);
        Key key = Key.of(id);
        int slot = find(key);
        if (slot != EMPTY) {
            return firstPosition[slot] == position;
        }
        int next = (int) (added % capacity);
        if (added >= capacity) {
            forget(next);
        }
        high[next] = key.high();
        low[next] = key.low();
        firstPosition[next] = position;
        index[probeForEmpty(key.low())] = next;
        added++;
        return true;
    }

    /** For replays, which must not change what the feed remembers: true when the id appeared first elsewhere. */
    public synchronized boolean repeatedElsewhere(String id, int partition, long offset) {
        Key key = Key.of(id);
        int slot = find(key);
        return slot != EMPTY && firstPosition[slot] != OutgoingEvent.position(partition, offset);
    }

    private int find(Key key) {
        for (int i = home(key.low()); index[i] != EMPTY; i = (i + 1) & mask) {
            int slot = index[i];
            if (low[slot] == key.low() && high[slot] == key.high()) {
                return slot;
            }
        }
        return EMPTY;
    }

    private int probeForEmpty(long lo) {
        int i = home(lo);
        while (index[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Removes a ring slot's id from the index, shifting back the entries after it that probed past it. */
    private void forget(int slot) {
        int hole = home(low[slot]);
        while (index[hole] != slot) {
            hole = (hole + 1) & mask;
        }
        for (int i = (hole + 1) & mask; index[i] != EMPTY; i = (i + 1) & mask) {
            int home = home(low[index[i]]);
            boolean homeAfterHole = ((i - home) & mask) < ((i - hole) & mask);
            if (!homeAfterHole) {
                index[hole] = index[i];
                hole = i;
            }
        }
        index[hole] = EMPTY;
    }

    private int home(long lo) {
        return (int) lo & mask;
    }

    /** An id's 128 bits. */
    private record Key(long high, long low) {

        static Key of(String id) {
            if (isProcessorId(id)) {
                return new Key(HexFormat.fromHexDigitsToLong(id, 0, 16), HexFormat.fromHexDigitsToLong(id, 16, 32));
            }
            UUID digest = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
            return new Key(digest.getMostSignificantBits(), digest.getLeastSignificantBits());
        }

        private static boolean isProcessorId(String id) {
            if (id.length() != ID_HEX_DIGITS) {
                return false;
            }
            for (int i = 0; i < ID_HEX_DIGITS; i++) {
                char c = id.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
            return true;
        }
    }
}
