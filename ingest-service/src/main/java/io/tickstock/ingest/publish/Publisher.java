package io.tickstock.ingest.publish;

import io.tickstock.ingest.Origin;
import io.tickstock.ingest.validate.Rejection;
import io.tickstock.model.MarketMessage;

/** Where the intake hands what it decided: clean messages to their raw topic, rejected bytes to the dead letters. */
public interface Publisher {

    void accepted(Origin origin, MarketMessage msg);

    /** {@code original} exactly as received; {@code key} the symbol when one could be read, else {@code null}. */
    void rejected(Origin origin, Rejection rejection, byte[] original, String key);
}
