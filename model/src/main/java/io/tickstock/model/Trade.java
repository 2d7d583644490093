package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A trade ({@code ev: "T"}).
 *
 * @param x exchange id
 * @param i trade id, unique per exchange and day
 * @param z tape (1 = NYSE, 2 = AMEX, 3 = Nasdaq), optional
 * @param p price
 * @param s size in shares
 * @param c condition codes, optional
 * @param t SIP timestamp in epoch milliseconds
 */
@JsonPropertyOrder({"ev", "sym", "x", "i", "z", "p", "s", "c", "t"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trade(
        @JsonProperty(required = true) Feed ev,
        @JsonProperty(required = true) String sym,
        @JsonProperty(required = true) int x,
        @JsonProperty(required = true) String i,
        Integer z,
        @JsonProperty(required = true) double p,
        @JsonProperty(required = true) long s,
        List<Integer> c,
        @JsonProperty(required = true) long t)
        implements MarketMessage {

    public Trade {
        c = c == null ? null : List.copyOf(c);
    }

    public static Trade of(String sym, int exchange, String tradeId, double price, long size, long time) {
        return new Trade(Feed.T, sym, exchange, tradeId, null, price, size, null, time);
    }

    @Override
    public long eventTime() {
        return t;
    }

    @Override
    @JsonIgnore
    public String identity() {
        return "T|" + sym + '|' + i + '|' + t + '|' + x;
    }
}
