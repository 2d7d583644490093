package io.tickstock.ingest;

import io.tickstock.ingest.publish.Publisher;
import io.tickstock.ingest.validate.Rejection;
import io.tickstock.model.MarketMessage;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the intake decided, for tests of the boundary that need no broker. */
public final class RecordingPublisher implements Publisher {

    /** A dead letter as the publisher got it. */
    public record DeadLetter(Origin origin, Rejection rejection, byte[] original, String key) {
    }

    public final List<MarketMessage> accepted = new ArrayList<>();
    public final List<DeadLetter> rejected = new ArrayList<>();

    @Override
    public synchronized void accepted(Origin origin, MarketMessage msg) {
        accepted.add(msg);
    }

    @Override
    public synchronized void rejected(Origin origin, Rejection rejection, byte[] original, String key) {
        rejected.add(new DeadLetter(origin, rejection, original, key));
    }
}
