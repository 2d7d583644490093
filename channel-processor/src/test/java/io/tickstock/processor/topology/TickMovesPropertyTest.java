package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Trade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The tick channel's surge and trend (through the real topology) against SPEC §4 recomputed from the raw trades by
 * brute force at the documented one-second resolution, on random trade streams with jumps and volume bursts.
 */
class TickMovesPropertyTest {

    private static final long T0 = Instant.parse("2024-03-12T15:00:00Z").toEpochMilli();

    record Step(double move, long size, long gapMillis) {
    }

    record Point(long time, double price, long size) {
        long second() {
            return Math.floorDiv(time, 1_000);
        }
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Double> move = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.doubles().between(-0.003, 0.003).ofScale(5)),
                Tuple.of(1, Arbitraries.doubles().between(-0.06, 0.06).ofScale(5)));
        Arbitrary<Long> size = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.longs().between(1, 500)),
                Tuple.of(3, Arbitraries.longs().between(500, 20_000)));
        // uniform gaps: jqwik's default bias towards small values would squeeze streams below the trend's 180 s
        Arbitrary<Long> gap = Arbitraries.longs().between(0, 5_000).withDistribution(RandomDistribution.uniform());
        return Combinators.combine(move, size, gap).as(Step::new).list().ofMinSize(120).ofMaxSize(400);
    }

    @Property(tries = 30, edgeCases = EdgeCasesMode.NONE)
    void surgeAndTrendAgreeWithABruteForceReference(@ForAll("streams") List<Step> steps) {
        List<Point> points = new ArrayList<>();
        double price = 50;
        long time = T0;
        for (Step step : steps) {
            time += step.gapMillis();
            price = Math.round(price * (1 + step.move()) * 100) / 100.0;
            points.add(new Point(time, Math.max(0.01, price), step.size()));
        }
        List<String> actual = new ArrayList<>();
        try (ProcessorDriver processor = new ProcessorDriver(Instant.ofEpochMilli(T0))) {
            int id = 0;
            for (Point p : points) {
                processor.send(new Trade(Feed.T, "PROP", 4, Integer.toString(++id), null, p.price(), p.size(), null,
                        p.time()));
            }
            for (MarketEvent e : processor.events()) {
                if (e.type() == EventType.SURGE || e.type() == EventType.TREND) {
                    actual.add(e.type() + "@" + e.eventTime() + ":" + e.direction());
                }
            }
        }
        assertThat(actual).isEqualTo(reference(points));
        Statistics.label("surge").collect(actual.stream().anyMatch(e -> e.startsWith("SURGE")));
        Statistics.label("trend").collect(actual.stream().anyMatch(e -> e.startsWith("TREND")));
        // the generator must exercise both detectors, not only their quiet paths
        Statistics.label("surge").coverage(check -> check.check(true).percentage(p -> p > 0));
        Statistics.label("trend").coverage(check -> check.check(true).percentage(p -> p > 0));
    }

    /** Every surge and trend of the stream, recomputed from scratch at each trade. */
    static List<String> reference(List<Point> points) {
        List<String> fired = new ArrayList<>();
        Long surgeUp = null;
        Long surgeDown = null;
        Long trend = null;
        for (int k = 0; k < points.size(); k++) {
            Point now = points.get(k);
            long s = now.second();
            // per second of the history [s - 600, s]: first price, last price, volume
            TreeMap<Long, double[]> seconds = new TreeMap<>();
            for (Point p : points.subList(0, k + 1)) {
                if (p.second() >= s - 600) {
                    double[] sample = seconds.computeIfAbsent(p.second(), x -> new double[] {p.price(), 0, 0});
                    sample[1] = p.price();
                    sample[2] += p.size();
                }
            }
            Map.Entry<Long, double[]> oldest = seconds.firstEntry();
            Map.Entry<Long, double[]> windowFirst = seconds.ceilingEntry(s - 4);
            double windowVolume = seconds.tailMap(s - 4, true).values().stream().mapToDouble(v -> v[2]).sum();
            double baselineVolume = seconds.headMap(s - 4, false).values().stream().mapToDouble(v -> v[2]).sum();
            long baselineMillis = Math.max(0, s - 4 - oldest.getKey()) * 1_000;
            double reference = windowFirst.getValue()[0];
            double move = (now.price() - reference) / reference * 100;
            double band = reference < 25 ? 4 : reference < 100 ? 3 : reference < 500 ? 2.5 : 2;
            if (baselineMillis >= 30_000 && Math.abs(move) >= band - 1e-9
                    && windowVolume >= 1.3 * baselineVolume * 5_000 / baselineMillis) {
                boolean up = move > 0;
                Long last = up ? surgeUp : surgeDown;
                if (last == null || now.time() - last >= 5_000) {
                    fired.add("SURGE@" + now.time() + ":" + (up ? Direction.UP : Direction.DOWN));
                    if (up) {
                        surgeUp = now.time();
                    } else {
                        surgeDown = now.time();
                    }
                }
            }
            if (seconds.size() >= 30 && (s - oldest.getKey()) * 1_000 >= 180_000) {
                double score = 0;
                long[] windows = {180, 360, 600};
                double[] weights = {0.3, 0.4, 0.3};
                for (int i = 0; i < 3; i++) {
                    Map.Entry<Long, double[]> then = seconds.floorEntry(s - windows[i]);
                    double before = then == null ? oldest.getValue()[0] : then.getValue()[1];
                    score += weights[i] * (now.price() - before) / before * 100;
                }
                if (Math.abs(score) >= 0.6 - 1e-9 && (trend == null || now.time() - trend >= 60_000)) {
                    fired.add("TREND@" + now.time() + ":" + (score > 0 ? Direction.UP : Direction.DOWN));
                    trend = now.time();
                }
            }
        }
        return fired;
    }
}
