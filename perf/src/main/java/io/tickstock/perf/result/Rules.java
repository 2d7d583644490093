package io.tickstock.perf.result;

import java.util.Locale;

/**
 * Every number a run is judged by, in one place and written the way SPEC §9 (and the issues that set a stricter bar
 * for their own work) write them, {@code <} and {@code ≤} kept apart. Verdict code compares through a
 * {@link Threshold}, never against a bare number, so a bound cannot drift from its text in the report.
 */
public final class Rules {

    /** How a measured value must relate to its limit. */
    public enum Bound {
        BELOW("<"), AT_MOST("≤"), AT_LEAST("≥");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double value, double limit) {
            return switch (this) {
                case BELOW -> value < limit;
                case AT_MOST -> value <= limit;
                case AT_LEAST -> value >= limit;
            };
        }
    }

    /** A limit with its bound and unit; {@link #text()} is how the report prints it. */
    public record Threshold(Bound bound, double limit, String unit) {

        public boolean holds(double value) {
            return bound.holds(value, limit);
        }

        public String text() {
            String number = limit == Math.rint(limit) ? String.format(Locale.ROOT, "%,d", (long) limit)
                    : String.format(Locale.ROOT, "%,.1f", limit);
            return bound.symbol() + " " + number + (unit.isEmpty() ? "" : (unit.startsWith("/") ? "" : " ") + unit);
        }
    }

    // SPEC §9: tick event latency p99, ingest accepted → WebSocket client received.
    public static final Threshold TICK_P99_MUST = new Threshold(Bound.BELOW, 50, "ms");
    public static final Threshold TICK_P99_AIM = new Threshold(Bound.AT_MOST, 10, "ms");
    /** SPEC §9's aim: tick p99 ≤ 3× Kafka's own single-hop p99 in the same run. */
    public static final Threshold TICK_OVER_KAFKA_AIM = new Threshold(Bound.AT_MOST, 3, "×");
    // SPEC §9: OHLCV minute burst, last bar ingested → its events at clients (≤ 1 s is expected of every run).
    public static final Threshold BURST_MUST = new Threshold(Bound.BELOW, 60_000, "ms");
    public static final Threshold BURST_AIM = new Threshold(Bound.AT_MOST, 1_000, "ms");
    // SPEC §9: highest sustained input rate with p99 < 50 ms and nothing lost.
    public static final Threshold RATE_MUST = new Threshold(Bound.AT_LEAST, 50_000, "/min");
    public static final Threshold RATE_AIM = new Threshold(Bound.AT_LEAST, 1_000_000, "/min");
    // SPEC §9: resident memory of the three services together, 8,000 symbols, surge.
    public static final Threshold MEMORY_MUST = new Threshold(Bound.BELOW, 2_048, "MB");
    public static final Threshold MEMORY_AIM = new Threshold(Bound.AT_MOST, 768, "MB");
    // SPEC §9: WebSocket clients at surge load (aim only).
    public static final Threshold CLIENTS_AIM = new Threshold(Bound.AT_LEAST, 1_000, "clients");
    // SPEC §9: gateway deliveries per gateway CPU-second (aim only).
    public static final Threshold DELIVERIES_PER_CPU_SECOND_AIM = new Threshold(Bound.AT_LEAST, 2_000_000, "");
    /** Issue 13's must for the gateway's share of the latency (its read → the client's read), p99. */
    public static final Threshold GATEWAY_ADDED_P99_MUST = new Threshold(Bound.AT_MOST, 20, "ms");
    /** SPEC §10: after kill -9 of any service or a broker restart, the processor is back within 10 s. */
    public static final Threshold PROCESSOR_READY_AFTER_KILL = new Threshold(Bound.AT_MOST, 10_000, "ms");

    private Rules() {
    }
}
