package io.tickstock.perf.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching rules of docs/protocol.md ("Actions"): what a pattern set owes a client. */
class SubscriptionTest {

    @ParameterizedTest(name = "{0} matches {1}.{2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "*.*                      | high      | AAPL  | true",
        "high.*                   | high      | TSLA  | true",
        "high.*                   | low       | TSLA  | false",
        "*.AAPL                   | surge     | AAPL  | true",
        "*.AAPL                   | surge     | AAPLX | false",
        "high.AAPL                | high      | AAPL  | true",
        "high.AAPL                | low       | AAPL  | false",
        "high.BRK.B               | high      | BRK.B | true",
        "high.BRK.B               | high      | BRK   | false",
        "'high.*, *.MSFT'         | trend     | MSFT  | true",
        "'high.*, *.MSFT'         | trend     | AAPL  | false",
        "volume_spike.*,low.SPY   | low       | SPY   | true"})
    void aPatternSetOwesWhatItMatches(String params, String type, String symbol, boolean matches) {
        assertThat(Subscription.of(params).matches(type, symbol)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"high", ".AAPL", "high."})
    void aPatternWithoutTypeOrSymbolIsRefused(String params) {
        assertThatThrownBy(() -> Subscription.of(params)).hasMessageContaining("TYPE.SYMBOL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"' high.* , *.MSFT ' | high.*,*.MSFT"})
    void theParamsSentAreThePatternsTrimmed(String params, String sent) {
        assertThat(Subscription.of(params).params()).isEqualTo(sent);
        assertThat(Subscription.of(params)).isEqualTo(Subscription.of(sent));
    }
}
