package io.tickstock.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One provider message in the Polygon.io/Massive stocks format (SPEC §3). The {@code ev} field selects the kind;
 * {@code A} and {@code AM} share one shape.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "ev", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = Trade.class, name = "T"),
    @JsonSubTypes.Type(value = Aggregate.class, names = {"A", "AM"}),
    @JsonSubTypes.Type(value = FairMarketValue.class, name = "FMV")
})
public sealed interface MarketMessage permits Trade, Aggregate, FairMarketValue {

    Feed ev();

    String sym();

    /** Event time in epoch milliseconds: the Kafka record timestamp of this message (SPEC §4). */
    @JsonIgnore
    long eventTime();

    /** The identity that makes two deliveries of one provider message the same message (SPEC §5.1). */
    @JsonIgnore
    String identity();
}
