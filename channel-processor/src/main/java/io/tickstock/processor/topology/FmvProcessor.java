package io.tickstock.processor.topology;

import io.tickstock.model.Channel;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.MarketEvent;
import io.tickstock.processor.detect.FmvDetector;
import io.tickstock.processor.detect.Thresholds;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.metrics.ChannelMetrics.DuplicateKind;
import io.tickstock.processor.state.FmvState;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The FMV channel's per-record path, on quotes the tick channel priced. A quote no newer than the last one used is
 * late (a replay beyond the dedup window, or an out-of-order delivery) and fires nothing; a stale one is ignored.
 */
final class FmvProcessor implements Processor<String, PricedQuote, String, MarketEvent> {

    private static final long NANOS_PER_MILLI = 1_000_000;

    private final FmvDetector detector;
    private final ChannelParts parts;
    private final ChannelMetrics metrics;
    private KeyValueStore<String, FmvState> quotes;
    private EventEmitter events;

    FmvProcessor(ChannelParts parts, FmvDetector detector) {
        this.parts = parts;
        this.detector = detector;
        this.metrics = parts.metricsOf(Channel.FMV);
    }

    @Override
    public void init(ProcessorContext<String, MarketEvent> context) {
        this.quotes = context.getStateStore(StoreNames.FMV_STATE);
        this.events = new EventEmitter(parts.priorities(), context::currentSystemTimeMs, context::forward);
    }

    @Override
    public void process(Record<String, PricedQuote> record) {
        PricedQuote priced = record.value();
        FairMarketValue quote = (FairMarketValue) priced.quote().msg();
        FmvState state = quotes.get(quote.sym());
        state = state == null ? FmvState.EMPTY : state;
        if (state.seen().contains(quote.t())) {
            metrics.duplicate(DuplicateKind.INPUT);
            return;
        }
        quotes.put(quote.sym(), judge(priced, quote,
                state.seen(quote.t(), parts.dedupRetentionMillis() * NANOS_PER_MILLI)));
    }

    private FmvState judge(PricedQuote priced, FairMarketValue quote, FmvState state) {
        long time = quote.eventTime();
        if (state.lastQuoteAt() != Thresholds.NEVER && time <= state.lastQuoteAt()) {
            metrics.filtered("late");
            return state;
        }
        // the symbol's newest event time on any channel: its trades' and bars' (priced with the quote), its quotes'
        long newestAt = Math.max(priced.newestAt(), state.lastQuoteAt());
        FmvDetector.Verdict verdict = detector.judge(new FmvDetector.Quote(quote.fmv(), quote.mp(), quote.conf(), time,
                priced.lastPrice(), priced.lastPriceAt(), newestAt), state.undervalued(), state.overvalued());
        if (verdict.held() == FmvDetector.Held.STALE) {
            metrics.filtered("stale");
            return state;
        }
        FmvState next = state.withQuote(time, quote.fmv());
        if (verdict.direction() != null) {
            events.emit(priced.input(), new EventRecords.Detection(EventType.FMV_DEVIATION, verdict.direction(),
                    verdict.marketPrice(), Map.of("fmv", quote.fmv(), "marketPrice", verdict.marketPrice(),
                            "deviation", verdict.deviation(), "confidence", verdict.confidence())), metrics);
            return next.withDeviation(verdict.direction(), time, Math.abs(verdict.deviation()));
        }
        if (verdict.held() == FmvDetector.Held.LOW_CONFIDENCE || verdict.held() == FmvDetector.Held.NO_MARKET_PRICE) {
            metrics.filtered(verdict.held().name().toLowerCase(Locale.ROOT));
        }
        return next;
    }
}
