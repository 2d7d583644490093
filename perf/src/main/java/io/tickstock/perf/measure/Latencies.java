package io.tickstock.perf.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies of every event every client read (ingestTs → read, microseconds), recorded lock-free from the client
 * threads: over the whole run, per channel and per priority, per interval for the timeline, and per phase (a ramp's
 * steps, by the input's time). Beside them, per channel, the latency from when the simulator had the input due
 * ({@link #fromSchedule}): a simulator behind its schedule sends late and ingest stamps late, which ingestTs → read
 * does not see.
 */
public final class Latencies {

    /** Longest latency tracked: beyond an hour nothing is "late" any more, it is lost. */
    public static final long MAX_MICROS = 3_600_000_000L;
    private static final int DIGITS = 3;
    static final String[] CHANNELS = {"tick", "ohlcv", "fmv"};
    private static final int PRIORITIES = 4;
    /** A latency that is not known (an input whose schedule the harness does not have). */
    public static final long UNKNOWN = Long.MIN_VALUE;

    /**
     * The hops of an event's latency: split at the processor's {@code detectedAt}, and the gateway's own share, from
     * when it read the event from Kafka ({@code gatewayReadUs}) to when the client read it.
     */
    public static final String[] HOPS = {"ingest→detected", "detected→read", "gateway→read"};

    /** The key of {@code key}'s latency from the schedule ({@code all}, {@code tick} …). */
    public static String fromSchedule(String key) {
        return key + " from schedule";
    }

    /** The recorders of one scope: all events, each channel, each priority, the two hops, and from the schedule. */
    private static final class Set {
        final Recorder all = recorder();
        final Recorder[] channels = {recorder(), recorder(), recorder()};
        final Recorder[] priorities = {recorder(), recorder(), recorder(), recorder()};
        final Recorder[] hops = {recorder(), recorder(), recorder()};
        final Recorder allScheduled = recorder();
        final Recorder[] channelsScheduled = {recorder(), recorder(), recorder()};

        void record(int channel, int priority, long micros, long toDetectedMicros, long gatewayMicros,
                long scheduledMicros) {
            all.recordValue(micros);
            if (scheduledMicros != UNKNOWN) {
                allScheduled.recordValue(clamp(scheduledMicros));
                if (channel >= 0) {
                    channelsScheduled[channel].recordValue(clamp(scheduledMicros));
                }
            }
            hops[0].recordValue(clamp(toDetectedMicros));
            hops[1].recordValue(clamp(micros - toDetectedMicros));
            if (gatewayMicros >= 0) {
                hops[2].recordValue(clamp(gatewayMicros));
            }
            if (channel >= 0) {
                channels[channel].recordValue(micros);
            }
            if (priority >= 0 && priority < PRIORITIES) {
                priorities[priority].recordValue(micros);
            }
        }
    }

    /** Interval and total histograms of one scope, by key ({@code all}, {@code tick}, …, {@code P0} …). */
    public static final class Breakdown {
        private final Map<String, Histogram> histograms = new LinkedHashMap<>();

        Breakdown() {
            histograms.put("all", histogram());
            for (String channel : CHANNELS) {
                histograms.put(channel, histogram());
            }
            for (int p = 0; p < PRIORITIES; p++) {
                histograms.put("P" + p, histogram());
            }
            for (String hop : HOPS) {
                histograms.put(hop, histogram());
            }
            histograms.put(fromSchedule("all"), histogram());
            for (String channel : CHANNELS) {
                histograms.put(fromSchedule(channel), histogram());
            }
        }

        void add(Set set) {
            histograms.get("all").add(set.all.getIntervalHistogram());
            for (int c = 0; c < CHANNELS.length; c++) {
                histograms.get(CHANNELS[c]).add(set.channels[c].getIntervalHistogram());
            }
            for (int p = 0; p < PRIORITIES; p++) {
                histograms.get("P" + p).add(set.priorities[p].getIntervalHistogram());
            }
            for (int h = 0; h < HOPS.length; h++) {
                histograms.get(HOPS[h]).add(set.hops[h].getIntervalHistogram());
            }
            histograms.get(fromSchedule("all")).add(set.allScheduled.getIntervalHistogram());
            for (int c = 0; c < CHANNELS.length; c++) {
                histograms.get(fromSchedule(CHANNELS[c])).add(set.channelsScheduled[c].getIntervalHistogram());
            }
        }

        void add(Breakdown other) {
            other.histograms.forEach((key, histogram) -> histograms.get(key).add(histogram));
        }

        public Histogram get(String key) {
            return histograms.get(key);
        }

        /** Percentiles per key, keys without events left out. */
        public Map<String, Percentiles> percentiles() {
            Map<String, Percentiles> map = new LinkedHashMap<>();
            histograms.forEach((key, histogram) -> {
                if (histogram.getTotalCount() > 0) {
                    map.put(key, Percentiles.of(histogram));
                }
            });
            return map;
        }
    }

    private final Set run = new Set();
    private final Map<Integer, Set> phases = new ConcurrentHashMap<>();
    private final Breakdown total = new Breakdown();
    private final Map<Integer, Breakdown> phaseTotals = new ConcurrentHashMap<>();
    private final boolean perPhase;

    /** A run of several phases (a ramp) keeps each phase's latencies apart. */
    public Latencies(boolean perPhase) {
        this.perPhase = perPhase;
    }

    /** A run of one phase: its phase is the whole run, recorded once (the harness records millions). */
    public Latencies() {
        this(false);
    }

    /**
     * Records one event read: its channel ({@code tick}, …), priority, phase, latency, how much of that passed
     * before the processor emitted it ({@code detectedAt − ingestTs}), how long it took from the gateway's read
     * to the client's ({@code gatewayMicros}; negative when the gateway did not say), and the latency from when its
     * input was due ({@code scheduledMicros}; {@link #UNKNOWN} when that is not known).
     */
    public void record(String channel, int priority, int phase, long micros, long toDetectedMicros,
            long gatewayMicros, long scheduledMicros) {
        long clamped = clamp(micros);
        int c = channelIndex(channel);
        run.record(c, priority, clamped, Math.min(toDetectedMicros, clamped), gatewayMicros, scheduledMicros);
        if (perPhase && phase >= 0) {
            phases.computeIfAbsent(phase, p -> new Set()).record(c, priority, clamped,
                    Math.min(toDetectedMicros, clamped), gatewayMicros, scheduledMicros);
        }
    }

    private static long clamp(long micros) {
        return Math.min(Math.max(0, micros), MAX_MICROS);
    }

    private static int channelIndex(String channel) {
        for (int i = 0; i < CHANNELS.length; i++) {
            if (CHANNELS[i].equals(channel)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What was recorded since the last call (for the timeline), added to the run's totals. Call it from one thread;
     * totals include only what an interval has collected.
     */
    public synchronized Breakdown interval() {
        Breakdown interval = new Breakdown();
        interval.add(run);
        total.add(interval);
        phases.forEach((phase, set) -> {
            Breakdown step = new Breakdown();
            step.add(set);
            phaseTotals.computeIfAbsent(phase, p -> new Breakdown()).add(step);
        });
        return interval;
    }

    public synchronized Breakdown total() {
        return total;
    }

    public synchronized Breakdown phase(int phase) {
        if (!perPhase) {
            return total;
        }
        return phaseTotals.getOrDefault(phase, new Breakdown());
    }

    private static Recorder recorder() {
        return new Recorder(MAX_MICROS, DIGITS);
    }

    private static Histogram histogram() {
        return new Histogram(MAX_MICROS, DIGITS);
    }
}
