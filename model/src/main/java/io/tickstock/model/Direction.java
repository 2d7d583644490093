package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way an event points: up/down for price events, under/overvalued for FMV deviations. */
public enum Direction {
    UP,
    DOWN,
    UNDERVALUED,
    OVERVALUED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Direction ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
