package io.tickstock.processor.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.EventType;
import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.detect.Bar;
import io.tickstock.processor.detect.BarDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link BarDetector} against SPEC §4's OHLCV rules written out plainly, on random bar sequences. */
class BarPropertyTest {

    @Provide
    Arbitrary<List<Bar>> bars() {
        Arbitrary<Double> change = Arbitraries.doubles().between(-0.04, 0.04).ofScale(4);
        Arbitrary<Double> drift = Arbitraries.doubles().between(-0.03, 0.03).ofScale(4);
        Arbitrary<Long> volume = Arbitraries.longs().between(0, 10_000);
        return Combinators.combine(change, drift, volume).as((c, d, v) -> new double[] {c, d, v})
                .list().ofMinSize(1).ofMaxSize(40).map(steps -> {
                    List<Bar> bars = new ArrayList<>();
                    double open = 100;
                    for (int i = 0; i < steps.size(); i++) {
                        double[] step = steps.get(i);
                        double o = Math.round(open * 100) / 100.0;
                        double c = Math.round(o * (1 + step[0]) * 100) / 100.0;
                        bars.add(new Bar(i * 60_000L, o, c, (long) step[2]));
                        open = c * (1 + step[1]);
                    }
                    return bars;
                });
    }

    @Property(tries = 500)
    void detectorAgreesWithTheReference(@ForAll("bars") List<Bar> bars) {
        BarDetector detector = new BarDetector(TestProcessorConfig.defaults().ohlcv());
        List<Bar> history = new ArrayList<>();
        for (Bar bar : bars) {
            BarDetector.Outcome outcome = detector.detect(List.copyOf(history), bar);
            Set<EventType> fired = new TreeSet<>();
            outcome.events().forEach(e -> fired.add(e.type()));
            assertThat(fired).as("bar %s after %s", bar, history).isEqualTo(reference(history, bar));
            history.add(bar);
            if (history.size() > 10) {
                history.remove(0);
            }
        }
    }

    /** The bar events SPEC §4 says {@code bar} fires after {@code previous} (at most the last 10 bars). */
    static Set<EventType> reference(List<Bar> previous, Bar bar) {
        Set<EventType> fired = new TreeSet<>();
        double mean = previous.stream().mapToLong(Bar::v).average().orElse(0);
        double move = (bar.c() - bar.o()) / bar.o();
        if (!previous.isEmpty() && Math.abs(move) < 0.01 - 1e-12 && bar.v() < 1.5 * mean) {
            return fired;
        }
        if (previous.size() >= 5 && mean > 0 && bar.v() >= 3 * mean - 1e-9) {
            fired.add(EventType.VOLUME_SPIKE);
        }
        if (move >= 0.02 - 1e-11) {
            fired.add(EventType.BREAKOUT);
        }
        if (move <= -0.02 + 1e-11) {
            fired.add(EventType.BREAKDOWN);
        }
        List<Bar> last9 = previous.subList(Math.max(0, previous.size() - 9), previous.size());
        if (previous.size() >= 4 && last9.stream().allMatch(p -> bar.c() > p.c())) {
            fired.add(EventType.HIGH_CLOSE);
        }
        if (previous.size() >= 4 && last9.stream().allMatch(p -> bar.c() < p.c())) {
            fired.add(EventType.LOW_CLOSE);
        }
        return fired;
    }
}
