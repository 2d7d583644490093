package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A fair-market-value quote ({@code ev: "FMV"}).
 *
 * @param t timestamp in epoch NANOseconds, as the provider sends it
 * @param mp market price, from sources that have it
 * @param conf confidence 0..1, from sources that have it
 */
@JsonPropertyOrder({"ev", "sym", "fmv", "mp", "conf", "t"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FairMarketValue(
        @JsonProperty(required = true) Feed ev,
        @JsonProperty(required = true) String sym,
        @JsonProperty(required = true) double fmv,
        Double mp,
        Double conf,
        @JsonProperty(required = true) long t)
        implements MarketMessage {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    @Override
    public long eventTime() {
        return t / NANOS_PER_MILLI;
    }

    @Override
    @JsonIgnore
    public String identity() {
        return "FMV|" + sym + '|' + t;
    }
}
