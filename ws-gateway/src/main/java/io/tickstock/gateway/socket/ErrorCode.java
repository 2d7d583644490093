package io.tickstock.gateway.socket;

/**
 * The numbered errors of the client protocol (SPEC §8). Each is sent as {@code {"ev":"error","code":N,…}} before
 * anything else happens; the ones that close do so with WebSocket close code {@code 4000 + N}, after the error.
 */
public enum ErrorCode {
    BAD_REQUEST(400, false),
    NOT_AUTHENTICATED(401, false),
    AUTH_FAILED(402, true),
    AUTH_TIMEOUT(404, true),
    SUBSCRIPTION_LIMIT(405, false),
    SLOW_CLIENT(407, true),
    TOO_LARGE(413, true),
    RATE_LIMITED(429, false);

    private final int code;
    private final boolean closes;

    ErrorCode(int code, boolean closes) {
        this.code = code;
        this.closes = closes;
    }

    public int code() {
        return code;
    }

    /** True when the connection is closed after this error. */
    public boolean closes() {
        return closes;
    }

    /** The WebSocket close code that follows a closing error (4000-4999 are the application's own). */
    public int closeCode() {
        return 4000 + code;
    }
}
