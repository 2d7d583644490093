package io.tickstock.processor.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Direction;
import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.detect.FmvDetector;
import io.tickstock.processor.detect.FmvDetector.LastDeviation;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link FmvDetector} against SPEC §4's FMV rules written out plainly, on random quote sequences. */
class FmvPropertyTest {

    /** A quote, optionally with mp/conf, and the age of the symbol's last price when it arrives. */
    record Step(double fmvFactor, Double mp, Double conf, long gapMillis, long lastPriceAge) {
    }

    @Provide
    Arbitrary<List<Step>> quotes() {
        Arbitrary<Double> factor = Arbitraries.doubles().between(0.9, 1.1);
        Arbitrary<Double> mp = Arbitraries.doubles().between(90, 110).injectNull(0.5);
        Arbitrary<Double> conf = Arbitraries.doubles().between(0.5, 1).injectNull(0.5);
        Arbitrary<Long> gap = Arbitraries.longs().between(1, 90_000);
        Arbitrary<Long> age = Arbitraries.longs().between(0, 1_000_000);
        return Combinators.combine(factor, mp, conf, gap, age).as(Step::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    void detectorAgreesWithTheReference(@ForAll("quotes") List<Step> steps) {
        FmvDetector detector = new FmvDetector(TestProcessorConfig.defaults().fmv());
        LastDeviation under = LastDeviation.NONE;
        LastDeviation over = LastDeviation.NONE;
        Long[] refUnder = {null, null};
        Long[] refOver = {null, null};
        double[] refUnderMag = {0};
        double[] refOverMag = {0};
        long time = 1_000_000_000L;
        double lastPrice = 100;
        for (Step step : steps) {
            time += step.gapMillis();
            double fmv = 100 * step.fmvFactor();
            FmvDetector.Verdict verdict = detector.judge(new FmvDetector.Quote(fmv, step.mp(), step.conf(), time,
                    lastPrice, time - step.lastPriceAge(), time), under, over);
            Direction expected = reference(fmv, step, time, lastPrice, refUnder, refUnderMag, refOver, refOverMag);
            assertThat(verdict.direction()).as("step %s at %d", step, time).isEqualTo(expected);
            if (verdict.direction() == Direction.UNDERVALUED) {
                under = new LastDeviation(time, Math.abs(verdict.deviation()));
            } else if (verdict.direction() == Direction.OVERVALUED) {
                over = new LastDeviation(time, Math.abs(verdict.deviation()));
            }
        }
    }

    private static Direction reference(double fmv, Step step, long time, double lastPrice, Long[] under,
            double[] underMag, Long[] over, double[] overMag) {
        double mp = step.mp() != null ? step.mp() : lastPrice;
        double confidence;
        if (step.conf() != null) {
            confidence = step.conf();
        } else if (step.lastPriceAge() <= 5_000) {
            confidence = 1;
        } else if (step.lastPriceAge() >= 900_000) {
            confidence = 0;
        } else {
            confidence = 1 - (step.lastPriceAge() - 5_000) / 895_000.0;
        }
        if (confidence < 0.7) {
            return null;
        }
        double deviation = (fmv - mp) / mp * 100;
        if (Math.abs(deviation) < 1 - 1e-9) {
            return null;
        }
        boolean undervalued = fmv > mp;
        Long[] last = undervalued ? under : over;
        double[] mag = undervalued ? underMag : overMag;
        boolean allowed = last[0] == null || time - last[0] >= 60_000 || Math.abs(deviation) >= mag[0] + 1 - 1e-9;
        if (!allowed) {
            return null;
        }
        last[0] = time;
        mag[0] = Math.abs(deviation);
        return undervalued ? Direction.UNDERVALUED : Direction.OVERVALUED;
    }
}
