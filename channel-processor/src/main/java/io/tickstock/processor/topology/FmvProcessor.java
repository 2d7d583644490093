package io.tickstock.processor.topology;

import io.tickstock.model.Channel;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.processor.detect.FmvDetector;
import io.tickstock.processor.detect.Thresholds;
import io.tickstock.processor.state.FmvState;
import io.tickstock.processor.state.SymbolState;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The FMV channel's per-record path. A quote no newer than the last one used is late (a replay beyond the dedup
 * window, or an out-of-order delivery) and fires nothing; a stale one is ignored altogether.
 */
final class FmvProcessor extends ChannelProcessor {

    private final FmvDetector detector;
    private KeyValueStore<String, FmvState> quotes;

    FmvProcessor(ChannelParts parts, FmvDetector detector) {
        super(parts, Channel.FMV, Set.of(Feed.FMV));
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, MarketEvent> context) {
        super.init(context);
        quotes = context.getStateStore(StoreNames.FMV_STATE);
    }

    @Override
    void detect(EventRecords.Input input, MarketMessage msg) {
        FairMarketValue quote = (FairMarketValue) msg;
        String sym = quote.sym();
        long time = quote.eventTime();
        FmvState state = quotes.get(sym);
        state = state == null ? FmvState.EMPTY : state;
        if (state.lastQuoteAt() != Thresholds.NEVER && time <= state.lastQuoteAt()) {
            metrics.filtered("late");
            return;
        }
        SymbolState shared = symbol(sym);
        FmvDetector.Verdict verdict = detector.judge(new FmvDetector.Quote(quote.fmv(), quote.mp(), quote.conf(), time,
                shared.lastPrice(), shared.lastPriceAt(), shared.newestAt()), state.undervalued(), state.overvalued());
        if (verdict.held() == FmvDetector.Held.STALE) {
            metrics.filtered("stale");
            return;
        }
        putSymbol(sym, shared.seen(time));
        FmvState next = state.withQuote(time, quote.fmv());
        if (verdict.direction() != null) {
            emit(input, new EventRecords.Detection(EventType.FMV_DEVIATION, verdict.direction(),
                    verdict.marketPrice(), Map.of("fmv", quote.fmv(), "marketPrice", verdict.marketPrice(),
                            "deviation", verdict.deviation(), "confidence", verdict.confidence())));
            next = next.withDeviation(verdict.direction(), time, Math.abs(verdict.deviation()));
        } else if (verdict.held() == FmvDetector.Held.LOW_CONFIDENCE
                || verdict.held() == FmvDetector.Held.NO_MARKET_PRICE) {
            metrics.filtered(verdict.held().name().toLowerCase(Locale.ROOT));
        }
        quotes.put(sym, next);
    }
}
