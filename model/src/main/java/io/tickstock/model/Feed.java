package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The provider feeds we accept (SPEC §3) and the channel each one is routed to. */
public enum Feed {
    T("T", Channel.TICK),
    A("A", Channel.TICK),
    AM("AM", Channel.OHLCV),
    FMV("FMV", Channel.FMV);

    private final String code;
    private final Channel channel;

    Feed(String code, Channel channel) {
        this.code = code;
        this.channel = channel;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public Channel channel() {
        return channel;
    }

    @JsonCreator
    public static Feed ofCode(String code) {
        for (Feed feed : values()) {
            if (feed.code.equals(code)) {
                return feed;
            }
        }
        throw new IllegalArgumentException("unknown feed '" + code + "'");
    }
}
