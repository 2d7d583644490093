package io.tickstock.processor.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.EventType;
import io.tickstock.processor.detect.HighLowDetector;
import io.tickstock.processor.detect.SessionCalendar;
import io.tickstock.processor.detect.SessionExtremes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link HighLowDetector} against SPEC §4's high/low rules written out plainly, on random trade sequences. */
class HighLowPropertyTest {

    record Tick(double price, long gapMillis) {
    }

    @Provide
    Arbitrary<List<Tick>> walks() {
        Arbitrary<Double> moves = Arbitraries.doubles().between(-0.01, 0.01).ofScale(5);
        Arbitrary<Long> gaps = Arbitraries.longs().between(0, 3_000);
        Arbitrary<Double> start = Arbitraries.of(0.5, 3.0, 20.0, 60.0, 150.0, 900.0);
        return Combinators.combine(start, Combinators.combine(moves, gaps).as((m, g) -> new double[] {m, g})
                .list().ofMinSize(1).ofMaxSize(300)).as((p0, steps) -> {
                    List<Tick> ticks = new ArrayList<>();
                    double price = p0;
                    for (double[] step : steps) {
                        price = Math.round(price * (1 + step[0]) * 10_000) / 10_000.0;
                        ticks.add(new Tick(price, (long) step[1]));
                    }
                    return ticks;
                });
    }

    @Property(tries = 300)
    void detectorAgreesWithTheReference(@ForAll("walks") List<Tick> ticks) {
        HighLowDetector detector = new HighLowDetector(SessionCalendar.ALWAYS, Duration.ofSeconds(1));
        Reference reference = new Reference();
        SessionExtremes state = null;
        long time = 1_710_255_600_000L;  // 2024-03-12 11:00 New York: the whole walk stays in one session
        for (Tick tick : ticks) {
            time += tick.gapMillis();
            HighLowDetector.Outcome outcome = detector.observe(state, tick.price(), tick.price(), time);
            state = outcome.state();
            List<EventType> fired = outcome.extremes().stream().map(HighLowDetector.Extreme::type).toList();
            assertThat(fired).as("at %d, price %s", time, tick.price()).isEqualTo(reference.trade(tick.price(), time));
        }
    }

    /** SPEC §4, word for word: the band table, the step from the last emitted extreme, the 1 s cooldown. */
    static final class Reference {
        private boolean seeded;
        private double high;
        private double low;
        private double lastHigh;
        private double lastLow;
        private Long lastHighAt;
        private Long lastLowAt;

        static double step(double price) {
            double[][] bands = {{1, 0.005, 0.20}, {5, 0.01, 0.15}, {25, 0.02, 0.10}, {100, 0.05, 0.08},
                {Double.MAX_VALUE, 0.10, 0.05}};
            for (double[] band : bands) {
                if (price < band[0]) {
                    return Math.min(band[1], price * band[2] / 100);
                }
            }
            throw new IllegalStateException();
        }

        List<EventType> trade(double price, long time) {
            List<EventType> fired = new ArrayList<>();
            if (!seeded) {
                seeded = true;
                high = low = lastHigh = lastLow = price;
                return fired;
            }
            if (price > high && price >= lastHigh + step(lastHigh) - 1e-9
                    && (lastHighAt == null || time - lastHighAt >= 1_000)) {
                fired.add(EventType.HIGH);
                lastHigh = price;
                lastHighAt = time;
            }
            if (price < low && price <= lastLow - step(lastLow) + 1e-9
                    && (lastLowAt == null || time - lastLowAt >= 1_000)) {
                fired.add(EventType.LOW);
                lastLow = price;
                lastLowAt = time;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            return fired;
        }
    }
}
