package io.tickstock.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionTest {

    private static MarketEvent event(EventType type, String symbol) {
        return new MarketEvent(1, "id", type, symbol, Direction.UP, 1.0, 1, Channel.TICK, 0, 0, Map.of(), null);
    }

    @ParameterizedTest(name = "{0} matches {1}.{2}: {3}")
    @CsvSource(textBlock = """
            high.AAPL,   high, AAPL,  true
            high.AAPL,   low,  AAPL,  false
            high.AAPL,   high, MSFT,  false
            low.*,       low,  TSLA,  true
            low.*,       high, TSLA,  false
            *.TSLA,      surge, TSLA, true
            *.TSLA,      surge, AAPL, false
            *.*,         fmv_deviation, X, true
            high.BRK.B,  high, BRK.B, true
            volume_spike.SPY, volume_spike, SPY, true
            """)
    void patternsMatchTypeAndSymbol(String pattern, String type, String symbol, boolean matches) {
        assertThat(Subscription.parse(pattern).matches(event(EventType.ofWireName(type), symbol))).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} round-trips")
    @CsvSource({"high.AAPL", "low.*", "*.TSLA", "*.*", "high.BRK.B"})
    void patternsPrintAsTheyAreWritten(String pattern) {
        assertThat(Subscription.parse(pattern)).hasToString(pattern);
    }

    @ParameterizedTest(name = "''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            AAPL              | is not TYPE.SYMBOL
            highs.AAPL        | 'highs' is not an event type or *
            high.aapl         | 'aapl' is not a symbol
            high.             | '' is not a symbol
            high.ABCDEFGHIJKLMNOPQ | is not a symbol
            high.AA PL        | is not a symbol
            """)
    void badPatternsSayWhatIsWrong(String pattern, String message) {
        assertThatThrownBy(() -> Subscription.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
