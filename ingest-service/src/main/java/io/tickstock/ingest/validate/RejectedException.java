package io.tickstock.ingest.validate;

/**
 * Thrown by the readers and the rules to leave a message at the first broken rule. Bad input is expected traffic,
 * not a bug, so the exception carries no stack trace (cheap to throw in a flood of garbage).
 */
public final class RejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    public RejectedException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.rejection = Rejection.of(reason, detail);
    }

    public Rejection rejection() {
        return rejection;
    }
}
