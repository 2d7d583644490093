package io.tickstock.processor.topology;

import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.processor.state.StateReader;
import io.tickstock.processor.state.StateWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link PricedQuote} on the FMV channel's internal topic, in binary: only the processor writes and reads this
 * topic, and every quote crosses it, so it costs no JSON. The quote was checked before it was priced.
 */
final class PricedQuoteSerde implements Serde<PricedQuote> {

    private static final int FORMAT = 1;

    @Override
    public Serializer<PricedQuote> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public Deserializer<PricedQuote> deserializer() {
        return (topic, data) -> data == null ? null : read(data);
    }

    private static byte[] write(PricedQuote value) {
        IngestedMessage ingested = value.quote();
        FairMarketValue quote = (FairMarketValue) ingested.msg();
        StateWriter out = new StateWriter(128).putByte(FORMAT).putLong(ingested.v()).putBytes(utf8(ingested.provider()))
                .putLong(ingested.ingestTs()).putBytes(utf8(quote.sym())).putDouble(quote.fmv());
        optional(out, quote.mp());
        optional(out, quote.conf());
        return out.putLong(quote.t()).putBytes(utf8(value.topic())).putLong(value.partition()).putLong(value.offset())
                .putDouble(value.lastPrice()).putLong(value.lastPriceAt()).putLong(value.newestAt()).toByteArray();
    }

    private static PricedQuote read(byte[] data) {
        StateReader in = new StateReader(data, 0);
        if (in.getByte() != FORMAT) {
            throw new IllegalStateException("priced quote of format " + data[0] + ", this version reads " + FORMAT);
        }
        int version = in.getInt();
        String provider = text(in);
        long ingestTs = in.getLong();
        String sym = text(in);
        double fmv = in.getDouble();
        Double mp = optional(in);
        Double conf = optional(in);
        FairMarketValue quote = new FairMarketValue(Feed.FMV, sym, fmv, mp, conf, in.getLong());
        return new PricedQuote(new IngestedMessage(version, provider, ingestTs, quote), text(in), in.getInt(),
                in.getLong(), in.getDouble(), in.getLong(), in.getLong());
    }

    private static void optional(StateWriter out, Double value) {
        out.putBoolean(value != null);
        if (value != null) {
            out.putDouble(value);
        }
    }

    private static Double optional(StateReader in) {
        return in.getBoolean() ? in.getDouble() : null;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(StateReader in) {
        return new String(in.getBytes(), StandardCharsets.UTF_8);
    }
}
