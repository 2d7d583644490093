package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Every market event the channels detect (SPEC §4); the wire name is what clients subscribe to. */
public enum EventType {
    HIGH(Channel.TICK),
    LOW(Channel.TICK),
    SURGE(Channel.TICK),
    TREND(Channel.TICK),
    VOLUME_SPIKE(Channel.OHLCV),
    BREAKOUT(Channel.OHLCV),
    BREAKDOWN(Channel.OHLCV),
    HIGH_CLOSE(Channel.OHLCV),
    LOW_CLOSE(Channel.OHLCV),
    FMV_DEVIATION(Channel.FMV);

    private final Channel channel;

    EventType(Channel channel) {
        this.channel = channel;
    }

    /** The channel whose detector owns this type; a bar's high still reports as {@code high}. */
    public Channel channel() {
        return channel;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EventType ofWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + name + "'");
    }
}
