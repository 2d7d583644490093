package io.tickstock.processor.deadletter;

/**
 * A record a channel cannot process: well-formed JSON that breaks the contract (another feed's message, a
 * non-positive price, a bar whose high is below its close, a key that is not its symbol). The {@link #reason()} is a
 * short stable code for the dead-letter header and the metric tag.
 */
public class PoisonRecordException extends RuntimeException {

    private final String reason;

    public PoisonRecordException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
