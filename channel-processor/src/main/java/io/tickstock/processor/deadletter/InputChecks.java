package io.tickstock.processor.deadletter;

import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import java.util.Set;

/**
 * The processor's own check of what reaches a channel. The ingest service validates at the boundary (SPEC §3), but
 * raw topics also take records from replays, tools and older producers: a channel trusts nothing it has not checked,
 * and rejects a bad record before it touches any state.
 */
public final class InputChecks {

    private InputChecks() {
    }

    /** The message of {@code value}, or a {@link PoisonRecordException} saying what is wrong with it. */
    public static MarketMessage check(String key, IngestedMessage value, Set<Feed> accepted) {
        if (value == null) {
            throw new PoisonRecordException("null_value", "a record without a value (tombstone)");
        }
        MarketMessage msg = value.msg();
        if (!accepted.contains(msg.ev())) {
            throw new PoisonRecordException("wrong_feed",
                    "feed " + msg.ev().code() + " does not belong on this channel (accepts " + accepted + ")");
        }
        if (!msg.sym().equals(key)) {
            throw new PoisonRecordException("key_mismatch",
                    "record key '" + key + "' is not the message's symbol '" + msg.sym() + "'");
        }
        if (msg instanceof Trade trade) {
            checkTrade(trade);
        } else if (msg instanceof Aggregate bar) {
            checkBar(bar);
        } else {
            checkFmv((FairMarketValue) msg);
        }
        return msg;
    }

    private static void checkTrade(Trade trade) {
        positive("p", trade.p());
        if (trade.s() < 0) {
            throw new PoisonRecordException("size_negative", "trade size " + trade.s() + " is negative");
        }
    }

    private static void checkBar(Aggregate bar) {
        positive("o", bar.o());
        positive("c", bar.c());
        positive("h", bar.h());
        positive("l", bar.l());
        if (bar.v() < 0) {
            throw new PoisonRecordException("size_negative", "bar volume " + bar.v() + " is negative");
        }
        if (bar.h() < Math.max(bar.o(), bar.c()) || bar.l() > Math.min(bar.o(), bar.c())) {
            throw new PoisonRecordException("bar_inconsistent", "bar h " + bar.h() + " / l " + bar.l()
                    + " do not bound o " + bar.o() + " and c " + bar.c());
        }
        if (bar.e() <= bar.s()) {
            throw new PoisonRecordException("bar_end_not_after_start",
                    "bar end " + bar.e() + " is not after its start " + bar.s());
        }
    }

    private static void checkFmv(FairMarketValue fmv) {
        positive("fmv", fmv.fmv());
        if (fmv.mp() != null) {
            positive("mp", fmv.mp());
        }
        if (fmv.conf() != null && !(fmv.conf() >= 0 && fmv.conf() <= 1)) {
            throw new PoisonRecordException("confidence_out_of_range", "conf " + fmv.conf() + " is not in 0..1");
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new PoisonRecordException("price_not_positive", field + " " + value + " is not a positive price");
        }
    }
}
