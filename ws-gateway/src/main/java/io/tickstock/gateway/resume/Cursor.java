package io.tickstock.gateway.resume;

import io.tickstock.gateway.route.OutgoingEvent;
import java.util.Arrays;

/**
 * Where a client stands in {@code tickstock.events}: for each priority and partition, the next offset it has not
 * been given. Every matching event of that priority below it was delivered (or, for a client that asked for
 * conflation, deliberately shed or conflated), none at or above it was. The gateway delivers each partition in
 * offset order, so the cursors it writes name one offset per partition; the per-priority form is read too (cursors
 * of earlier gateways, which let higher priorities overtake), so a resume from one neither repeats nor skips.
 *
 * <p>Text form: the highest offset of each partition joined by dots ({@code 120.98.77}), then, for each priority
 * below it somewhere, {@code ~PRIORITY:PARTITION=OFFSET[,PARTITION=OFFSET]} ({@code 120.98.77~3:0=118}).
 */
public final class Cursor {

    /** Priorities 0 to 3 (SPEC §6). */
    public static final int PRIORITIES = OutgoingEvent.PRIORITIES;

    private final long[][] next;

    private Cursor(long[][] next) {
        this.next = next;
    }

    /** The cursor of a client that has seen every partition up to {@code positions} (exclusive). */
    public static Cursor at(long[] positions) {
        long[][] next = new long[PRIORITIES][];
        for (int priority = 0; priority < PRIORITIES; priority++) {
            next[priority] = positions.clone();
        }
        return new Cursor(next);
    }

    /** This cursor, or {@code given} where that is further on (per priority and partition). */
    Cursor atLeast(long[] given) {
        long[][] merged = new long[PRIORITIES][given.length];
        for (int priority = 0; priority < PRIORITIES; priority++) {
            for (int partition = 0; partition < given.length; partition++) {
                long own = partition < partitions() ? next[priority][partition] : 0;
                merged[priority][partition] = Math.max(own, given[partition]);
            }
        }
        return new Cursor(merged);
    }

    public int partitions() {
        return next[0].length;
    }

    /** The next offset of {@code partition} the client has not been given at {@code priority}. */
    public long next(int priority, int partition) {
        return next[priority][partition];
    }

    /** Where a replay of {@code partition} must start to cover every priority. */
    public long lowest(int partition) {
        long lowest = Long.MAX_VALUE;
        for (long[] ofPriority : next) {
            lowest = Math.min(lowest, ofPriority[partition]);
        }
        return lowest;
    }

    /** Parses the text form; {@link IllegalArgumentException} says what is wrong with it. */
    public static Cursor parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("params must be a cursor, as carried by every event");
        }
        String[] parts = text.strip().split("~", -1);
        long[] base = parseBase(parts[0], text);
        long[][] next = new long[PRIORITIES][];
        for (int priority = 0; priority < PRIORITIES; priority++) {
            next[priority] = base.clone();
        }
        for (int i = 1; i < parts.length; i++) {
            parseOverride(parts[i], next, text);
        }
        return new Cursor(next);
    }

    private static long[] parseBase(String base, String text) {
        String[] offsets = base.split("\\.", -1);
        long[] parsed = new long[offsets.length];
        for (int partition = 0; partition < offsets.length; partition++) {
            parsed[partition] = offset(offsets[partition], text);
        }
        return parsed;
    }

    private static void parseOverride(String override, long[][] next, String text) {
        int colon = override.indexOf(':');
        if (colon < 1) {
            throw malformed(text);
        }
        int priority = (int) offset(override.substring(0, colon), text);
        if (priority >= PRIORITIES) {
            throw malformed(text);
        }
        for (String entry : override.substring(colon + 1).split(",", -1)) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw malformed(text);
            }
            long partition = offset(entry.substring(0, equals), text);
            if (partition >= next[priority].length) {
                throw malformed(text);
            }
            next[priority][(int) partition] = offset(entry.substring(equals + 1), text);
        }
    }

    private static long offset(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            throw malformed(text);
        }
        return Long.parseLong(digits);
    }

    private static IllegalArgumentException malformed(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return new IllegalArgumentException("'" + shown + "' is not a cursor: send back the cursor of the last event"
                + " you processed");
    }

    /** Text form: see the class comment. */
    @Override
    public String toString() {
        int partitions = partitions();
        long[] base = new long[partitions];
        for (int partition = 0; partition < partitions; partition++) {
            long highest = 0;
            for (long[] ofPriority : next) {
                highest = Math.max(highest, ofPriority[partition]);
            }
            base[partition] = highest;
        }
        StringBuilder text = new StringBuilder(partitions * 8);
        for (int partition = 0; partition < partitions; partition++) {
            if (partition > 0) {
                text.append('.');
            }
            text.append(base[partition]);
        }
        for (int priority = 0; priority < PRIORITIES; priority++) {
            char separator = ':';
            for (int partition = 0; partition < partitions; partition++) {
                if (next[priority][partition] != base[partition]) {
                    if (separator == ':') {
                        text.append('~').append(priority);
                    }
                    text.append(separator).append(partition).append('=').append(next[priority][partition]);
                    separator = ',';
                }
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cursor cursor && Arrays.deepEquals(next, cursor.next);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(next);
    }
}
