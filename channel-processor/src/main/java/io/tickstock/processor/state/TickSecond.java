package io.tickstock.processor.state;

/**
 * What the tick channel keeps of one second of a symbol: its sample of the series behind surge and trend, and the
 * identities of the inputs it had, which is how a re-delivered trade is recognised (SPEC §5.1) without an entry of
 * its own per trade. A second that only late inputs touched has identities and no sample.
 *
 * @param sample the second's prices and volume, or null when no input was added to the series in it
 * @param inputs the identities of every input of that second, added to the series or not
 */
public record TickSecond(TickSample sample, SeenIdentities inputs) {

    /** A second that starts with its first point. */
    static TickSecond opened(TickSample sample, String identity) {
        return new TickSecond(sample, SeenIdentities.NONE.with(identity));
    }

    TickSecond withInput(String identity) {
        return new TickSecond(sample, inputs.with(identity));
    }
}
