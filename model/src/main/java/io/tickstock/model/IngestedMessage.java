package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The value of every record on the raw topics: the provider message exactly as parsed, wrapped with what the ingest
 * service knows about it. The wrapper keeps the provider's own fields untouched, so {@code .msg} reads like the feed.
 *
 * @param v payload version
 * @param provider the source that delivered it ({@code simulator}, {@code provider}, {@code replay})
 * @param ingestTs when the ingest service accepted it, epoch milliseconds
 * @param msg the provider message
 */
@JsonPropertyOrder({"v", "provider", "ingestTs", "msg"})
public record IngestedMessage(
        @JsonProperty(required = true) int v,
        @JsonProperty(required = true) String provider,
        @JsonProperty(required = true) long ingestTs,
        @JsonProperty(required = true) MarketMessage msg) {

    public static final int VERSION = 1;

    public static IngestedMessage of(String provider, long ingestTs, MarketMessage msg) {
        return new IngestedMessage(VERSION, provider, ingestTs, msg);
    }
}
