package io.tickstock.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
