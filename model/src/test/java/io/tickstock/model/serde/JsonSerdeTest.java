package io.tickstock.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Trade;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSerdeTest {

    private final JsonSerde<MarketMessage> messages = new JsonSerde<>(MarketMessage.class);
    private final JsonSerde<IngestedMessage> ingested = new JsonSerde<>(IngestedMessage.class);
    private final JsonSerde<MarketEvent> events = new JsonSerde<>(MarketEvent.class);

    @Test
    void readsAProviderTradeAndIgnoresFieldsItDoesNotKnow() {
        MarketMessage msg = messages.fromJson("""
                {"ev":"T","sym":"MSFT","x":4,"i":"12345","z":3,"p":114.125,"s":100,"c":[0,12],
                 "t":1536036818784,"q":3681328}""");

        assertThat(msg).isEqualTo(new Trade(Feed.T, "MSFT", 4, "12345", 3, 114.125, 100, List.of(0, 12),
                1536036818784L));
        assertThat(msg.eventTime()).isEqualTo(1536036818784L);
    }

    @Test
    void readsPerSecondAndPerMinuteBarsIntoOneShape() {
        String bar = """
                {"ev":"%s","sym":"GTE","v":4110,"av":9470157,"op":0.4372,"vw":0.4488,"o":0.4488,"c":0.4486,
                 "h":0.4489,"l":0.4486,"a":0.4352,"z":685,"s":1610144640000,"e":1610144700000}""";

        MarketMessage second = messages.fromJson(bar.formatted("A"));
        MarketMessage minute = messages.fromJson(bar.formatted("AM"));

        assertThat(second).isInstanceOf(Aggregate.class).extracting(MarketMessage::ev).isEqualTo(Feed.A);
        assertThat(minute).isInstanceOf(Aggregate.class).extracting(MarketMessage::ev).isEqualTo(Feed.AM);
        assertThat(minute.eventTime()).isEqualTo(1610144700000L);
        assertThat(((Aggregate) minute).h()).isEqualTo(0.4489);
    }

    @Test
    void readsFairMarketValueWithNanosecondTimestamp() {
        MarketMessage msg = messages.fromJson("""
                {"ev":"FMV","fmv":189.22,"sym":"AAPL","t":1678220098130000000}""");

        assertThat(msg).isEqualTo(new FairMarketValue(Feed.FMV, "AAPL", 189.22, null, null, 1678220098130000000L));
        assertThat(msg.eventTime()).isEqualTo(1678220098130L);
    }

    @Test
    void roundTripsEveryMessageKindInsideTheIngestEnvelope() {
        List<MarketMessage> all = List.of(
                new Trade(Feed.T, "AAPL", 11, "7", null, 190.5, 300, null, 1_700_000_000_000L),
                new Aggregate(Feed.AM, "IWM", 5000, 100000L, 190.0, 190.1, 190.0, 190.2, 190.3, 189.9, 190.05, 50L,
                        1_700_000_000_000L, 1_700_000_060_000L, true),
                Aggregate.bar(Feed.A, "SPY", 1, 2, 0.5, 1.5, 10, 1_700_000_000_000L, 1_700_000_001_000L),
                new FairMarketValue(Feed.FMV, "TSLA", 250.0, 249.0, 0.9, 1_700_000_000_000_000_000L));

        for (MarketMessage msg : all) {
            IngestedMessage in = IngestedMessage.of("simulator", 1_700_000_000_005L, msg);
            byte[] bytes = ingested.serialize("t", in);
            assertThat(ingested.deserialize("t", bytes)).isEqualTo(in);
        }
    }

    @Test
    void writesTheProviderFieldsUnderMsgSoTheCliShowsTheFeedAsSent() {
        Trade trade = Trade.of("AAPL", 4, "99", 190.25, 100, 1_700_000_000_000L);

        String json = ingested.toJson(IngestedMessage.of("simulator", 1_700_000_000_001L, trade));

        assertThat(json).isEqualTo("{\"v\":1,\"provider\":\"simulator\",\"ingestTs\":1700000000001,"
                + "\"msg\":{\"ev\":\"T\",\"sym\":\"AAPL\",\"x\":4,\"i\":\"99\",\"p\":190.25,\"s\":100,"
                + "\"t\":1700000000000}}");
    }

    @Test
    void roundTripsAnEventWithItsSourceContext() {
        SourceContext source = new SourceContext("simulator", Feed.T, 1_700_000_000_000L, 1_700_000_000_002L,
                "tickstock.raw.tick", 3, 42L, "T|AAPL|9|1700000000000|4");
        MarketEvent event = new MarketEvent(1, "abc", EventType.HIGH, "AAPL", Direction.UP, 190.5, 1, Channel.TICK,
                1_700_000_000_000L, 1_700_000_000_010L, Map.of("sessionHigh", 190.5, "previousHigh", 190.2), source);

        String json = events.toJson(event);

        assertThat(events.fromJson(json)).isEqualTo(event);
        assertThat(json).contains("\"type\":\"high\"", "\"channel\":\"tick\"", "\"direction\":\"up\"",
                "\"details\":{\"previousHigh\":190.2,\"sessionHigh\":190.5}", "\"feed\":\"T\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON at all          | hello                                                 | not_json
            truncated object         | {"ev":"T","sym":"A"                                   | not_json
            trailing garbage         | {"ev":"FMV","sym":"A","fmv":1,"t":1} x                 | not_json
            unknown ev               | {"ev":"Q","sym":"A"}                                  | unknown_ev
            no ev                    | {"sym":"A","p":1}                                     | missing_field
            trade without price      | {"ev":"T","sym":"A","x":1,"i":"1","s":1,"t":1}        | missing_field
            trade with null price    | {"ev":"T","sym":"A","x":1,"i":"1","p":null,"s":1,"t":1} | missing_field
            trade without symbol     | {"ev":"T","x":1,"i":"1","p":1,"s":1,"t":1}            | missing_field
            price not a number       | {"ev":"T","sym":"A","x":1,"i":"1","p":"abc","s":1,"t":1} | bad_field
            bar without high         | {"ev":"AM","sym":"A","v":1,"o":1,"c":1,"l":1,"s":1,"e":2} | missing_field
            fmv without value        | {"ev":"FMV","sym":"A","t":1}                          | missing_field
            array instead of object  | [1,2,3]                                               | not_object
            """)
    void rejectsGarbageWithAReasonCode(String what, String json, String reason) {
        assertThatThrownBy(() -> messages.deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class)
                .satisfies(e -> assertThat(((MalformedMessageException) e).reason()).isEqualTo(reason))
                .hasMessageStartingWith("MarketMessage: ");
    }

    @Test
    void passesNullThroughForTombstones() {
        assertThat(messages.deserialize("t", null)).isNull();
        assertThat(messages.serialize("t", null)).isNull();
    }
}
