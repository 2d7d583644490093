package io.tickstock.model;

/**
 * Headers of every record on a dead-letter topic ({@code tickstock.raw.dlq}, {@code tickstock.processor.dlq}).
 * The value is always the original bytes, untouched; these headers say why it is there and where it came from.
 */
public final class DeadLetters {

    /** Short stable reason code, e.g. {@code not_json}, {@code price_not_positive}; the metrics use the same. */
    public static final String REASON = "tickstock-dlq-reason";
    /** Human-readable explanation of what exactly was wrong. */
    public static final String DETAIL = "tickstock-dlq-detail";
    /** The ingest source ({@code simulator}, {@code provider}, {@code replay}) or processor channel. */
    public static final String SOURCE = "tickstock-dlq-source";
    /** Epoch milliseconds when the record was rejected. */
    public static final String TIME = "tickstock-dlq-time";
    /** For processor rejects: the channel ({@code tick}, {@code ohlcv}, {@code fmv}). */
    public static final String CHANNEL = "tickstock-dlq-channel";
    /** For processor rejects: the coordinates of the original record. */
    public static final String ORIGINAL_TOPIC = "tickstock-dlq-topic";
    public static final String ORIGINAL_PARTITION = "tickstock-dlq-partition";
    public static final String ORIGINAL_OFFSET = "tickstock-dlq-offset";

    private DeadLetters() {
    }
}
