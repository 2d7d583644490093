package io.tickstock.stack.process;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a signalled process to end. */
public final class Stopping {

    /** How long a component may take to drain and commit after SIGTERM before it is killed. */
    public static final Duration GRACE = Duration.ofSeconds(30);

    private Stopping() {
    }

    /** Whether {@code process} ended within {@code timeout}. */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for pid " + process.pid(), e);
        }
    }
}
