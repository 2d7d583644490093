package io.tickstock.ingest.source.simulator;

/** Price ticks as US equities quote them. */
final class Prices {

    private Prices() {
    }

    /** Cents from $1 up, hundredths of a cent below, never below the smallest tick. */
    static double round(double price) {
        double ticksPerDollar = price >= 1 ? 100 : 10_000;
        return Math.max(1, Math.round(price * ticksPerDollar)) / ticksPerDollar;
    }
}
