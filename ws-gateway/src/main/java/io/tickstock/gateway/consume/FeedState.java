package io.tickstock.gateway.consume;

import io.tickstock.model.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the event feed stands, for the parts that must agree with it: a new client starts at the feed's position, a
 * replay hands over to live once it has reached it, readiness waits until the feed has caught up.
 */
@ApplicationScoped
public class FeedState {

    private volatile long[] handedOut = new long[0];
    private volatile boolean live;
    private volatile boolean failed;
    private volatile long lag;
    private final Map<Channel, LongAdder> received = new EnumMap<>(Channel.class);

    public FeedState() {
        for (Channel channel : Channel.values()) {
            received.put(channel, new LongAdder());
        }
    }

    /** Every record of each partition before these offsets has been handed to the clients (or was history). */
    public long[] handedOut() {
        return handedOut.clone();
    }

    public int partitions() {
        return handedOut.length;
    }

    /** True once the start-up rebuild is done and the feed delivers live records. */
    public boolean live() {
        return live && !failed;
    }

    public boolean failed() {
        return failed;
    }

    /** Records in the topic the feed has not read yet, over all partitions. */
    public long lag() {
        return lag;
    }

    public long received(Channel channel) {
        return received.get(channel).sum();
    }

    void handOut(long[] positions) {
        handedOut = positions;
    }

    void goLive() {
        live = true;
    }

    void fail() {
        failed = true;
        live = false;
    }

    void lag(long records) {
        lag = records;
    }

    void count(Channel channel) {
        if (channel != null) {
            received.get(channel).increment();
        }
    }
}
