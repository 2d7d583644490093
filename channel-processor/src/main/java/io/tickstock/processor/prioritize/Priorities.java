package io.tickstock.processor.prioritize;

import io.tickstock.model.EventType;

/** Event priorities of SPEC §6: P0 is control/system, P1 the most urgent market events, P3 the least. */
public final class Priorities {

    public static final int P0 = 0;
    public static final int P1 = 1;
    public static final int P2 = 2;
    public static final int P3 = 3;

    private Priorities() {
    }

    public static int of(EventType type) {
        return switch (type) {
            case HIGH, LOW, SURGE -> P1;
            case FMV_DEVIATION -> P3;
            default -> P2;
        };
    }
}
