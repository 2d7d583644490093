package io.tickstock.processor.topology;

import io.tickstock.model.IngestedMessage;

/**
 * An FMV quote on its way from the tick channel to the FMV channel, with what the tick channel knew of the symbol
 * when the quote arrived: the last trade price or bar close, and the newest event time of its trades and bars. FMV reads
 * these facts; carrying them with the quote, instead of reading them from another channel's state, is what lets
 * FMV run in tasks of its own and still judge every quote against the market as it was at the quote.
 *
 * @param quote the quote as ingested
 * @param topic raw topic of the quote's record (the event's source context)
 * @param partition its partition
 * @param offset its offset
 * @param lastPrice the symbol's last price before the quote, NaN when none
 * @param lastPriceAt its event time
 * @param newestAt the newest event time of the symbol's trades and bars before the quote
 */
public record PricedQuote(IngestedMessage quote, String topic, int partition, long offset, double lastPrice,
        long lastPriceAt, long newestAt) {

    EventRecords.Input input() {
        return new EventRecords.Input(quote, topic, partition, offset);
    }
}
