package io.tickstock.model.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that are not a valid record of the expected type. The {@link #reason()} is a short stable code for metrics
 * and dead-letter headers; the message says what exactly was wrong.
 */
public class MalformedMessageException extends SerializationException {

    private final String reason;

    public MalformedMessageException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
