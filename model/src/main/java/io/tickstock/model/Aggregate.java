package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A per-second ({@code ev: "A"}) or per-minute ({@code ev: "AM"}) aggregate bar. Fields a CSV bar cannot supply
 * ({@code av, op, vw, a, z, otc}) are optional.
 *
 * @param v bar volume
 * @param av accumulated volume of the day
 * @param op official opening price of the day
 * @param vw bar volume-weighted average price
 * @param a day volume-weighted average price
 * @param z average trade size of the bar
 * @param s bar start, epoch milliseconds
 * @param e bar end, epoch milliseconds; the record timestamp
 */
@JsonPropertyOrder({"ev", "sym", "v", "av", "op", "vw", "o", "c", "h", "l", "a", "z", "s", "e", "otc"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Aggregate(
        @JsonProperty(required = true) Feed ev,
        @JsonProperty(required = true) String sym,
        @JsonProperty(required = true) long v,
        Long av,
        Double op,
        Double vw,
        @JsonProperty(required = true) double o,
        @JsonProperty(required = true) double c,
        @JsonProperty(required = true) double h,
        @JsonProperty(required = true) double l,
        Double a,
        Long z,
        @JsonProperty(required = true) long s,
        @JsonProperty(required = true) long e,
        Boolean otc)
        implements MarketMessage {

    /** A bar with only the fields every source has (a CSV minute bar, a simulated bar). */
    public static Aggregate bar(Feed ev, String sym, double o, double h, double l, double c, long v, long s, long e) {
        return new Aggregate(ev, sym, v, null, null, null, o, c, h, l, null, null, s, e, null);
    }

    @Override
    public long eventTime() {
        return e;
    }

    @Override
    @JsonIgnore
    public String identity() {
        return ev.code() + '|' + sym + '|' + s;
    }
}
