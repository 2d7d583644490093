package io.tickstock.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.model.EventType;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

    @Test
    void subscribeAddsAndUnsubscribeRemovesAndTheSetStaysSorted() {
        Subscriptions subs = Subscriptions.NONE
                .plus(Subscriptions.parseParams("low.*, high.AAPL"))
                .plus(Subscriptions.parseParams("high.AAPL,*.TSLA"));

        assertThat(subs.asText()).containsExactly("*.TSLA", "high.AAPL", "low.*");
        assertThat(subs.minus(Subscriptions.parseParams("low.*,high.MSFT")).asText())
                .containsExactly("*.TSLA", "high.AAPL");
    }

    @Test
    void oneBadPatternRejectsTheWholeRequest() {
        assertThatThrownBy(() -> Subscriptions.parseParams("high.AAPL,nope")).hasMessageContaining("'nope'");
    }

    @Test
    void emptyParamsAreRejectedWithAnExample() {
        assertThatThrownBy(() -> Subscriptions.parseParams(" ")).hasMessageContaining("high.AAPL,low.*");
        assertThatThrownBy(() -> Subscriptions.parseParams(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchingLooksAtEveryKindOfPattern() {
        Subscriptions subs = Subscriptions.NONE.plus(Subscriptions.parseParams("high.AAPL,low.*,*.TSLA"));

        assertThat(subs.matches(EventType.HIGH, "AAPL")).isTrue();
        assertThat(subs.matches(EventType.HIGH, "MSFT")).isFalse();
        assertThat(subs.matches(EventType.LOW, "MSFT")).isTrue();
        assertThat(subs.matches(EventType.SURGE, "TSLA")).isTrue();
        assertThat(subs.matches(EventType.SURGE, "AAPL")).isFalse();
        assertThat(subs.coversAllSymbols()).isTrue();
        assertThat(subs.namedSymbols()).containsExactlyInAnyOrder("AAPL", "TSLA");
        assertThat(Subscriptions.NONE.plus(Subscriptions.parseParams("*.*")).matches(EventType.TREND, "X")).isTrue();
        assertThat(Subscriptions.NONE.plus(Subscriptions.parseParams("high.A")).coversAllSymbols()).isFalse();
        assertThat(Subscriptions.NONE.isEmpty()).isTrue();
    }
}
