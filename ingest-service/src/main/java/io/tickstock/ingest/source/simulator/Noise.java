package io.tickstock.ingest.source.simulator;

import java.util.SplittableRandom;

/** Random draws the simulator needs beyond {@link SplittableRandom}'s own. */
final class Noise {

    private Noise() {
    }

    /** A standard normal draw (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
