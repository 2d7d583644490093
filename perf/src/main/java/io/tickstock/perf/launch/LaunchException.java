package io.tickstock.perf.launch;

/** Why a run could not be started: said as it is, without a stack trace. */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }
}
