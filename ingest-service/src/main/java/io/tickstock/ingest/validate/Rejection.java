package io.tickstock.ingest.validate;

/**
 * Why one input was refused: the {@link Reason} for metrics and routing, and a detail for the person reading the
 * dead-letter record (which field, which value).
 */
public record Rejection(Reason reason, String detail) {

    public static Rejection of(Reason reason, String detail) {
        return new Rejection(reason, detail);
    }
}
