package io.tickstock.ingest.validate;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why an input was rejected at the boundary (SPEC §3): one stable code per rule. The code is the value of the
 * {@code tickstock-dlq-reason} header and of the {@code reason} tag of {@code tickstock.ingest.rejected}.
 */
public enum Reason {
    /** The bytes are not JSON (or not the CSV row a bar file promises). */
    NOT_JSON,
    /** Valid JSON, but an element is not an object (a number, a string, a nested array). */
    NOT_OBJECT,
    /** A whole frame (WebSocket message, replay line) over {@code max-frame-bytes}; nothing in it is read. */
    FRAME_TOO_LARGE,
    /** One provider message over {@code max-message-bytes} (default 64 KiB). */
    MESSAGE_TOO_LARGE,
    /** An object without an {@code ev} field. */
    MISSING_EV,
    /** An {@code ev} that is not T, A, AM, FMV or status. */
    UNKNOWN_EV,
    /** A required field is absent (e.g. a trade without {@code p}). */
    MISSING_FIELD,
    /** A field of the wrong JSON type, or a fraction where the protocol has an integer. */
    BAD_FIELD,
    /** No {@code sym}, or an empty one. */
    MISSING_SYMBOL,
    /** A {@code sym} that does not match {@code [A-Z0-9.\-:]{1,16}}. */
    BAD_SYMBOL,
    /** A price (p, o, h, l, c, vw, op, a, mp) of 0 or less. */
    PRICE_NOT_POSITIVE,
    /** A price or FMV that is NaN or infinite. */
    PRICE_NOT_FINITE,
    /** A negative trade size (or average trade size {@code z}). */
    NEGATIVE_SIZE,
    /** A negative bar volume ({@code v}, {@code av}). */
    NEGATIVE_VOLUME,
    /** A bar whose high is below its open or close. */
    HIGH_BELOW_BODY,
    /** A bar whose low is above its open or close. */
    LOW_ABOVE_BODY,
    /** A bar whose end is not after its start. */
    END_NOT_AFTER_START,
    /** A timestamp before 2000-01-01 (often milliseconds where nanoseconds belong, or seconds). */
    TIME_TOO_OLD,
    /** A timestamp more than {@code max-ahead} (default 1 day) in the future. */
    TIME_TOO_FAR_AHEAD,
    /** A fair market value of 0 or less. */
    FMV_NOT_POSITIVE,
    /** An FMV confidence outside 0..1. */
    CONFIDENCE_OUT_OF_RANGE;

    private final String code = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String code() {
        return code;
    }
}
