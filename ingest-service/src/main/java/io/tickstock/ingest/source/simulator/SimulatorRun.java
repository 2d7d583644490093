package io.tickstock.ingest.source.simulator;

import io.tickstock.ingest.Intake;
import io.tickstock.ingest.Origin;
import io.tickstock.model.Feed;
import io.tickstock.model.Topics;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Plays a {@link MarketSimulator} against the wall clock: a message due at simulated time T goes out when the wall
 * clock reaches it, with simulated time running {@code multiplier} times faster than the wall clock (changeable while
 * running; the mapping is re-anchored so time never jumps). When the intake blocks (Kafka slower than the market)
 * the run falls behind and catches up as fast as it can; how far behind it is, is {@link #lagMillis()}. The
 * {@link #schedule()} says when each message was due, so a load harness can measure latency from it: a late send
 * (coordinated omission) then shows up as latency instead of hiding behind a late ingest time.
 * An injected duplicate goes out with its origin marked ({@link Topics#RESENT_ORIGIN_SUFFIX}): the raw topics keep
 * what the counters of a killed ingest service lose.
 */
public final class SimulatorRun implements Runnable {

    /** Above this the market runs too fast for plausible timestamps and the local machine alike. */
    public static final double MAX_MULTIPLIER = 20;
    private static final long PACING_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final MarketSimulator market;
    private final Intake intake;
    private final Origin origin;
    private final Origin resent;
    private final long maxMessages;
    private final long endTime;
    private final LongSupplier nanoTime;
    private final Map<Feed, AtomicLong> sent = new EnumMap<>(Feed.class);
    private final Map<Feed, AtomicLong> duplicates = new EnumMap<>(Feed.class);
    private volatile Pace pace;
    private volatile boolean stopped;
    private volatile boolean finished;
    private volatile long lagMillis;
    private volatile long maxLagMillis;
    private volatile long simulatedTime;
    private final long startNanos;
    private final long startWallMillis;
    private long total;

    /** Simulated time {@code anchorTime} is wall (nano) time {@code anchorNanos}; after it, {@code multiplier}×. */
    private record Pace(long anchorNanos, long anchorTime, double multiplier) {
        long dueNanos(long time) {
            return anchorNanos + (long) ((time - anchorTime) * 1_000_000 / multiplier);
        }

        long timeAt(long nanos) {
            return anchorTime + (long) ((nanos - anchorNanos) / 1_000_000.0 * multiplier);
        }
    }

    /**
     * @param wallMillis the wall-clock time now (read right before: the pace is anchored at it), which the simulated
     *     time starts from
     * @param endTime simulated time at which the run ends ({@code Long.MAX_VALUE}: never)
     */
    public SimulatorRun(MarketSimulator market, Intake intake, Origin origin, long maxMessages, long endTime,
            double multiplier, long wallMillis, LongSupplier nanoTime) {
        this.market = market;
        this.intake = intake;
        this.origin = origin;
        this.resent = origin.at(origin.where() + Topics.RESENT_ORIGIN_SUFFIX);
        this.maxMessages = maxMessages;
        this.endTime = endTime;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.startWallMillis = wallMillis;
        this.pace = new Pace(startNanos, wallMillis, checked(multiplier));
        this.simulatedTime = wallMillis;
        for (Feed feed : Feed.values()) {
            sent.put(feed, new AtomicLong());
            duplicates.put(feed, new AtomicLong());
        }
    }

    public static double checked(double multiplier) {
        if (!(multiplier >= 1 && multiplier <= MAX_MULTIPLIER)) {
            throw new IllegalArgumentException("the rate multiplier must be within 1 … " + (int) MAX_MULTIPLIER
                    + ", not " + multiplier);
        }
        return multiplier;
    }

    @Override
    public void run() {
        while (!stopped && total < maxMessages) {
            long due = market.peekTime();
            if (due >= endTime) {
                break;
            }
            long now = nanoTime.getAsLong();
            long dueNanos = pace.dueNanos(due);
            if (now < dueNanos) {
                lagMillis = 0;
                simulatedTime = pace.timeAt(now);
                LockSupport.parkNanos(Math.min(dueNanos - now, PACING_NANOS));
                continue;
            }
            lagMillis = TimeUnit.NANOSECONDS.toMillis(now - dueNanos);
            if (lagMillis > maxLagMillis) {
                maxLagMillis = lagMillis;
            }
            simulatedTime = due;
            MarketSimulator.Timed next = market.next();
            intake.message(next.duplicate() ? resent : origin, next.msg(), null);
            Feed feed = next.msg().ev();
            sent.get(feed).incrementAndGet();
            if (next.duplicate()) {
                duplicates.get(feed).incrementAndGet();
            }
            total++;
        }
        finished = !stopped;
    }

    /** Changes the speed from now on; the simulated time already reached is kept. */
    public synchronized void multiplier(double multiplier) {
        long now = nanoTime.getAsLong();
        pace = new Pace(now, pace.timeAt(now), checked(multiplier));
    }

    public double multiplier() {
        return pace.multiplier();
    }

    public void stop() {
        stopped = true;
    }

    /** True once the run reached its length or message count (not when stopped). */
    public boolean finished() {
        return finished;
    }

    public Map<Feed, Long> sent() {
        return snapshot(sent);
    }

    public Map<Feed, Long> duplicates() {
        return snapshot(duplicates);
    }

    public long total() {
        return sent.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long lagMillis() {
        return lagMillis;
    }

    /** The most any message of this run went out behind its schedule. */
    public long maxLagMillis() {
        return maxLagMillis;
    }

    /**
     * When a message is due, on the wall clock (epoch milliseconds): simulated time {@code time} at
     * {@code wallMillis}, simulated time running {@code multiplier}× from there, until the next change of speed.
     * Messages of simulated time before {@code start} (the backfill of earlier minute bars, stamped with their own
     * bar ends) are all due at {@code start}.
     */
    public record Schedule(long start, long time, double wallMillis, double multiplier) {
    }

    /** The current stretch of the schedule. */
    public Schedule schedule() {
        Pace now = pace;
        return new Schedule(market.start(), now.anchorTime(),
                startWallMillis + (now.anchorNanos() - startNanos) / 1_000_000.0, now.multiplier());
    }

    public long simulatedTime() {
        return simulatedTime;
    }

    public MarketSimulator market() {
        return market;
    }

    private static Map<Feed, Long> snapshot(Map<Feed, AtomicLong> counts) {
        Map<Feed, Long> copy = new EnumMap<>(Feed.class);
        counts.forEach((feed, count) -> copy.put(feed, count.get()));
        return copy;
    }
}
