package io.tickstock.ingest.validate;

import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The semantic rules of SPEC §3 over a typed provider message. Every source's output passes them (even the
 * simulator's: a generator bug must not reach the channels). The first broken rule decides the reason.
 */
public final class Rules {

    /** 2000-01-01T00:00:00Z: anything earlier is a unit mistake, not market data. */
    static final long EARLIEST_MILLIS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    private static final int MAX_SYMBOL_LENGTH = 16;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Clock clock;
    private final long maxAheadMillis;

    public Rules(Clock clock, Duration maxAhead) {
        this.clock = clock;
        this.maxAheadMillis = maxAhead.toMillis();
    }

    /** Returns normally when {@code msg} obeys every rule; otherwise throws naming the first broken one. */
    public void check(MarketMessage msg) {
        symbol(msg.sym());
        if (msg instanceof Trade trade) {
            trade(trade);
        } else if (msg instanceof Aggregate bar) {
            bar(bar);
        } else {
            fmv((FairMarketValue) msg);
        }
    }

    private void trade(Trade trade) {
        price("p", trade.p());
        if (trade.s() < 0) {
            throw new RejectedException(Reason.NEGATIVE_SIZE, "T.s is " + trade.s());
        }
        millis("T.t", trade.t(), "");
    }

    private void bar(Aggregate bar) {
        String ev = bar.ev().code();
        price(ev + ".o", bar.o());
        price(ev + ".h", bar.h());
        price(ev + ".l", bar.l());
        price(ev + ".c", bar.c());
        optionalPrice(ev + ".vw", bar.vw());
        optionalPrice(ev + ".op", bar.op());
        optionalPrice(ev + ".a", bar.a());
        volume(ev + ".v", bar.v());
        if (bar.av() != null) {
            volume(ev + ".av", bar.av());
        }
        if (bar.z() != null && bar.z() < 0) {
            throw new RejectedException(Reason.NEGATIVE_SIZE, ev + ".z is " + bar.z());
        }
        if (bar.h() < Math.max(bar.o(), bar.c())) {
            throw new RejectedException(Reason.HIGH_BELOW_BODY,
                    ev + ".h " + bar.h() + " is below max(o " + bar.o() + ", c " + bar.c() + ")");
        }
        if (bar.l() > Math.min(bar.o(), bar.c())) {
            throw new RejectedException(Reason.LOW_ABOVE_BODY,
                    ev + ".l " + bar.l() + " is above min(o " + bar.o() + ", c " + bar.c() + ")");
        }
        millis(ev + ".s", bar.s(), "");
        millis(ev + ".e", bar.e(), "");
        if (bar.e() <= bar.s()) {
            throw new RejectedException(Reason.END_NOT_AFTER_START, ev + ".e " + bar.e() + " is not after s " + bar.s());
        }
    }

    private void fmv(FairMarketValue fmv) {
        if (!Double.isFinite(fmv.fmv())) {
            throw new RejectedException(Reason.PRICE_NOT_FINITE, "FMV.fmv is " + fmv.fmv());
        }
        if (fmv.fmv() <= 0) {
            throw new RejectedException(Reason.FMV_NOT_POSITIVE, "FMV.fmv is " + fmv.fmv());
        }
        optionalPrice("FMV.mp", fmv.mp());
        if (fmv.conf() != null && !(fmv.conf() >= 0 && fmv.conf() <= 1)) {
            throw new RejectedException(Reason.CONFIDENCE_OUT_OF_RANGE, "FMV.conf is " + fmv.conf() + ", not 0..1");
        }
        millis("FMV.t", fmv.t() / NANOS_PER_MILLI, " (FMV t is in nanoseconds)");
    }

    private static void symbol(String sym) {
        if (sym == null || sym.isEmpty()) {
            throw new RejectedException(Reason.MISSING_SYMBOL, "no sym");
        }
        if (sym.length() > MAX_SYMBOL_LENGTH || !symbolCharacters(sym)) {
            throw new RejectedException(Reason.BAD_SYMBOL, "sym '" + printable(sym) + "' is not [A-Z0-9.-:]{1,16}");
        }
    }

    // the SPEC's [A-Z0-9.\-:] without a regex: this runs for every message
    private static boolean symbolCharacters(String sym) {
        for (int i = 0; i < sym.length(); i++) {
            char ch = sym.charAt(i);
            boolean allowed = (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-'
                    || ch == ':';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String sym) {
        String shown = sym.length() > 40 ? sym.substring(0, 40) + "…" : sym;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static void price(String field, double price) {
        if (!Double.isFinite(price)) {
            throw new RejectedException(Reason.PRICE_NOT_FINITE, field + " is " + price);
        }
        if (price <= 0) {
            throw new RejectedException(Reason.PRICE_NOT_POSITIVE, field + " is " + price);
        }
    }

    private static void optionalPrice(String field, Double price) {
        if (price != null) {
            price(field, price);
        }
    }

    private static void volume(String field, long volume) {
        if (volume < 0) {
            throw new RejectedException(Reason.NEGATIVE_VOLUME, field + " is " + volume);
        }
    }

    private void millis(String field, long millis, String hint) {
        if (millis < EARLIEST_MILLIS) {
            throw new RejectedException(Reason.TIME_TOO_OLD, field + " " + millis + " ms is before 2000" + hint);
        }
        long now = clock.millis();
        if (millis > now + maxAheadMillis) {
            throw new RejectedException(Reason.TIME_TOO_FAR_AHEAD,
                    field + " " + Instant.ofEpochMilli(millis) + " is more than " + maxAheadMillis / 1000
                            + " s ahead of " + Instant.ofEpochMilli(now) + hint);
        }
    }
}
