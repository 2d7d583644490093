package io.tickstock.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricedQuoteSerdeTest {

    private final PricedQuoteSerde serde = new PricedQuoteSerde();

    @ParameterizedTest
    @CsvSource(nullValues = "none", textBlock = """
            190.25, 0.9,  190.0, 1700000000000
            none,   none, NaN,   -9223372036854775808
            """)
    void aPricedQuoteCrossesTheInternalTopicUnchanged(Double mp, Double conf, double lastPrice, long lastPriceAt) {
        PricedQuote quote = new PricedQuote(IngestedMessage.of("provider", 1_700_000_000_007L,
                new FairMarketValue(Feed.FMV, "BRK.B", 415.5, mp, conf, 1_700_000_000_001_000_000L)),
                "tickstock.raw.fmv", 5, 1_234_567, lastPrice, lastPriceAt, 1_700_000_000_005L);

        byte[] bytes = serde.serializer().serialize("fmv-quotes", quote);

        assertThat(serde.deserializer().deserialize("fmv-quotes", bytes)).isEqualTo(quote);
    }

    @ParameterizedTest
    @CsvSource({"2", "0"})
    void aValueOfAnotherFormatIsRefused(byte format) {
        assertThatThrownBy(() -> serde.deserializer().deserialize("fmv-quotes", new byte[] {format, 1, 2}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format");
    }
}
