package io.tickstock.perf.run;

import io.tickstock.perf.client.Subscription;
import io.tickstock.perf.result.Rules;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What one run does: which simulator profile it plays, at which speeds for how long, and which clients watch.
 *
 * @param profile the ingest simulator's profile (docs/operations.md)
 * @param phases the run's input, one phase after the other (one phase, or a ramp's steps)
 * @param clients the WebSocket clients, connected and subscribed before any input
 * @param stopWhenBad a ramp: stop after the first phase whose tick p99 is not below {@code p99LimitMillis} or that
 *     misses anything
 * @param warmup the first stretch of input whose latency is not recorded (its integrity is checked all the same)
 */
public record RunPlan(
        String scenario,
        String profile,
        List<Phase> phases,
        List<ClientGroup> clients,
        boolean stopWhenBad,
        double p99LimitMillis,
        Duration warmup,
        Duration drainTimeout) {

    /** A stretch of input at one simulator speed ({@code multiplier} × the profile's rates). */
    public record Phase(double multiplier, Duration length) {
    }

    /**
     * {@code count} clients, named {@code name} (or {@code name-1} … when several), the {@code i}-th (from 1) with
     * the subscription {@code subscriptions} gives it.
     *
     * @param described the subscriptions as the report shows them
     * @param stalls stop reading right after the subscription is acknowledged
     * @param measured whose events feed the latency figures (a stalled client's do not)
     */
    public record ClientGroup(String name, int count, IntFunction<Subscription> subscriptions, String described,
            boolean stalls, boolean measured) {

        /** Every client of the group with the same subscription. */
        public ClientGroup(String name, int count, Subscription subscription, boolean stalls, boolean measured) {
            this(name, count, i -> subscription, subscription.params(), stalls, measured);
        }

        /** The subscription of the {@code i}-th client (from 1). */
        public Subscription subscription(int i) {
            return subscriptions.apply(i);
        }

        /** True when {@code client} (by its name) is one of this group's. */
        public boolean has(String client) {
            return count == 1 ? client.equals(name) : client.startsWith(name + "-");
        }
    }

    /** A speed as people write it: {@code 2}, {@code 2.5}. */
    public static String multiplier(double multiplier) {
        return multiplier == Math.rint(multiplier) ? Long.toString((long) multiplier) : Double.toString(multiplier);
    }

    public Duration length() {
        return phases.stream().map(Phase::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** What a ramp's step is judged by: its tick p99 below {@code p99LimitMillis}, as SPEC §9 writes the must. */
    public Rules.Threshold stepLimit() {
        return new Rules.Threshold(Rules.Bound.BELOW, p99LimitMillis, "ms");
    }

    public int clientCount() {
        return clients.stream().mapToInt(ClientGroup::count).sum();
    }
}
