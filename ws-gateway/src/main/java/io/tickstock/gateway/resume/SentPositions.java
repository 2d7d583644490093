package io.tickstock.gateway.resume;

import java.util.Arrays;

/**
 * The positions in {@code tickstock.events} one connection has sent, kept while a resume on it may still come so
 * that its replay never repeats one. A position stands for its event id: the gateway lets an id reach clients only
 * from the position it first appeared at (SPEC §5.3), live and in replays alike.
 *
 * <p>An open-addressing set of packed longs, not a {@code Set<String>}: 8 to 16 bytes a position instead of about
 * 40 for a hash node (plus the id string it keeps alive). With a thousand clients that is the difference between a
 * few megabytes and the gateway's whole heap. It starts small and grows, so a connection that resumes at once, or
 * receives little, costs next to nothing.
 *
 * <p>Not thread-safe: its session serializes every call.
 */
public final class SentPositions {

    private static final long EMPTY = -1;
    private static final int FIRST_SLOTS = 16;

    private long[] slots = newSlots(FIRST_SLOTS);
    private int size;

    /** Adds the position; false when it was already there. */
    public boolean add(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("not a packed position: " + position);
        }
        int slot = slotOf(slots, position);
        if (slots[slot] == position) {
            return false;
        }
        slots[slot] = position;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    public boolean contains(long position) {
        return slots[slotOf(slots, position)] == position;
    }

    public int size() {
        return size;
    }

    /** The slot holding {@code position}, or the empty slot where it belongs (the table is never full). */
    private static int slotOf(long[] table, long position) {
        int mask = table.length - 1;
        int slot = mix(position) & mask;
        while (table[slot] != EMPTY && table[slot] != position) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] larger = newSlots(slots.length * 2);
        for (long position : slots) {
            if (position != EMPTY) {
                larger[slotOf(larger, position)] = position;
            }
        }
        slots = larger;
    }

    /** Offsets of one partition are consecutive: spread them over the table (the 64-bit golden-ratio multiplier). */
    private static int mix(long position) {
        long mixed = position * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }

    private static long[] newSlots(int count) {
        long[] table = new long[count];
        Arrays.fill(table, EMPTY);
        return table;
    }
}
