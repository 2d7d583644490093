package io.tickstock.perf.dedup;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every raw record of a run, folded by input identity: per channel how many records there were, how many distinct
 * identities, which records repeat an identity an earlier record already had (what dedup must drop), and whether
 * each repeat is one the simulator injected (marked in its origin, {@link Topics#RESENT_ORIGIN_SUFFIX}). Records
 * must be added in each partition's offset order; a symbol's records all lie in one partition of its topic.
 *
 * <p>The identity is built here from the fields SPEC §5.1 names, not taken from {@link MarketMessage#identity()}, the
 * processor's own: were the processor's identity to merge inputs the SPEC tells apart, it would drop them both in
 * the live run and in the reference, and only this comparison shows it ({@link #identitiesMerged}).
 */
public final class RawInputs {

    /** Examples kept per kind of anomaly, for the failure messages. */
    static final int SAMPLES = 3;

    private final Map<Channel, Tally> tallies = new EnumMap<>(Channel.class);
    private final Map<String, BitSet> repeatOffsets = new HashMap<>();
    private final Set<String> tickTopicSymbols = new HashSet<>();
    private final Set<String> barTopicSymbols = new HashSet<>();
    private final Set<String> quotedSymbols = new HashSet<>();
    private final Set<String> quotedWithoutMarketFacts = new HashSet<>();
    private long firstEventTime = Long.MAX_VALUE;
    private long lastEventTime = Long.MIN_VALUE;

    public RawInputs() {
        for (Channel channel : Channel.values()) {
            tallies.put(channel, new Tally());
        }
    }

    /** Per channel, what its raw records hold. */
    static final class Tally {
        final Map<Feed, Long> byFeed = new EnumMap<>(Feed.class);
        final Set<String> identities = new HashSet<>();
        final Map<String, String> specIdentityOfProcessorIdentity = new HashMap<>();
        long repeats;
        long injected;
        long repeatsNotInjected;
        long injectedNotRepeats;
        long identitiesMerged;
        final List<String> samples = new ArrayList<>();

        long raw() {
            return byFeed.values().stream().mapToLong(Long::longValue).sum();
        }

        private void sample(String what) {
            if (samples.size() < SAMPLES) {
                samples.add(what);
            }
        }
    }

    /**
     * One raw record.
     *
     * @param origin the record's {@link Topics#ORIGIN_HEADER}, or null
     */
    public void add(String topic, int partition, long offset, MarketMessage msg, String origin) {
        Tally tally = tallies.get(msg.ev().channel());
        tally.byFeed.merge(msg.ev(), 1L, Long::sum);
        String identity = specIdentity(msg);
        boolean repeat = !tally.identities.add(identity);
        boolean injected = origin != null && origin.endsWith(Topics.RESENT_ORIGIN_SUFFIX);
        String where = topic + "/" + partition + "@" + offset + " " + identity;
        if (repeat) {
            tally.repeats++;
            repeatOffsets.computeIfAbsent(topic + "/" + partition, k -> new BitSet()).set(Math.toIntExact(offset));
            if (!injected) {
                tally.repeatsNotInjected++;
                tally.sample("a repeat not injected: " + where);
            }
        } else {
            String earlier = tally.specIdentityOfProcessorIdentity.putIfAbsent(msg.identity(), identity);
            if (earlier != null) {
                tally.identitiesMerged++;
                tally.sample("the processor's identity " + msg.identity() + " covers both " + earlier + " and "
                        + identity);
            }
            if (injected) {
                tally.injectedNotRepeats++;
                tally.sample("an injected re-send without its original before it: " + where);
            }
        }
        if (injected) {
            tally.injected++;
        }
        noteFacts(msg);
    }

    private void noteFacts(MarketMessage msg) {
        firstEventTime = Math.min(firstEventTime, msg.eventTime());
        lastEventTime = Math.max(lastEventTime, msg.eventTime());
        switch (msg.ev().channel()) {
            case TICK -> tickTopicSymbols.add(msg.sym());
            case OHLCV -> barTopicSymbols.add(msg.sym());
            case FMV -> {
                quotedSymbols.add(msg.sym());
                FairMarketValue quote = (FairMarketValue) msg;
                if (quote.mp() == null || quote.conf() == null) {
                    quotedWithoutMarketFacts.add(msg.sym());
                }
            }
        }
    }

    /** SPEC §5.1: {@code T} = (sym, i, t, x); {@code A}/{@code AM} = (ev, sym, s); {@code FMV} = (sym, t). */
    static String specIdentity(MarketMessage msg) {
        if (msg instanceof Trade trade) {
            return "T " + trade.sym() + " i=" + trade.i() + " t=" + trade.t() + " x=" + trade.x();
        }
        if (msg instanceof Aggregate bar) {
            return bar.ev().code() + " " + bar.sym() + " s=" + bar.s();
        }
        FairMarketValue quote = (FairMarketValue) msg;
        return "FMV " + quote.sym() + " t=" + quote.t();
    }

    /** Whether the record at {@code topic/partition@offset} repeats an identity an earlier record had. */
    public boolean isRepeat(String topic, int partition, long offset) {
        BitSet repeats = repeatOffsets.get(topic + "/" + partition);
        return repeats != null && offset <= Integer.MAX_VALUE && repeats.get((int) offset);
    }

    Tally tally(Channel channel) {
        return tallies.get(channel);
    }

    /** Raw records per feed code, in feed order. */
    static Map<String, Long> byFeedCode(Tally tally) {
        Map<String, Long> counts = new TreeMap<>();
        tally.byFeed.forEach((feed, count) -> counts.put(feed.code(), count));
        return counts;
    }

    /** Symbols with input on both the tick and the bar topic: their session extremes come from both. */
    Set<String> symbolsOnBothPriceTopics() {
        Set<String> both = new HashSet<>(tickTopicSymbols);
        both.retainAll(barTopicSymbols);
        return both;
    }

    /** Symbols with at least one quote that lacks {@code mp} or {@code conf}. */
    Set<String> quotedWithoutMarketFacts() {
        return Set.copyOf(quotedWithoutMarketFacts);
    }

    Set<String> quotedSymbols() {
        return Set.copyOf(quotedSymbols);
    }

    /** Event time between the run's first and last input, milliseconds; 0 without input. */
    long eventTimeSpanMillis() {
        return lastEventTime < firstEventTime ? 0 : lastEventTime - firstEventTime;
    }

    long total() {
        return tallies.values().stream().mapToLong(Tally::raw).sum();
    }
}
