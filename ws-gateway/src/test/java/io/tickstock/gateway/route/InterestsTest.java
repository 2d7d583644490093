package io.tickstock.gateway.route;

import static io.tickstock.gateway.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterestsTest {

    private static Subscriptions of(String params) {
        return Subscriptions.NONE.plus(Subscriptions.parseParams(params));
    }

    @Test
    void aBatchWakesOnlyThoseWhosePatternsNameOneOfItsTypesOrSymbols() {
        Interests<String> interests = new Interests<>();
        interests.update("firehose", Subscriptions.NONE, of("*.*"));
        interests.update("movers", Subscriptions.NONE, of("high.*,low.*"));
        interests.update("aapl", Subscriptions.NONE, of("*.AAPL"));
        interests.update("exact", Subscriptions.NONE, of("trend.MSFT"));

        assertThat(interests.interested(List.of(event(0, 1, 1, EventType.HIGH, "TSLA"))))
                .containsExactlyInAnyOrder("firehose", "movers");
        assertThat(interests.interested(List.of(event(0, 1, 2, EventType.TREND, "AAPL"),
                event(0, 2, 1, EventType.SURGE, "MSFT")))).containsExactlyInAnyOrder("firehose", "aapl", "exact");
        assertThat(interests.interested(List.of())).containsExactly("firehose");
    }

    @Test
    void anUpdateReplacesWhatWasHeldAndAGoneSubscriberIsForgotten() {
        Interests<String> interests = new Interests<>();
        Subscriptions first = of("high.*,*.AAPL");
        interests.update("client", Subscriptions.NONE, first);
        Subscriptions second = of("*.TSLA");
        interests.update("client", first, second);

        assertThat(interests.interested(List.of(event(0, 1, 1, EventType.HIGH, "AAPL")))).isEmpty();
        assertThat(interests.interested(List.of(event(0, 1, 1, EventType.LOW, "TSLA")))).containsExactly("client");
        interests.remove("client", second);
        assertThat(interests.interested(List.of(event(0, 1, 1, EventType.LOW, "TSLA")))).isEmpty();
    }
}
