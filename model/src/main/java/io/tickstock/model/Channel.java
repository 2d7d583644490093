package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The three processing channels of SPEC §4. */
public enum Channel {
    TICK,
    OHLCV,
    FMV;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
