package io.tickstock.perf.stack;

import java.net.URI;

/** A service's own word on its health (SPEC §11: {@code /q/health/ready}, {@code /q/health/live}). */
public final class Health {

    private Health() {
    }

    /** Whether the service at {@code root} answers ready (200); false when it does not answer at all. */
    public static boolean ready(URI root) {
        return Http.status(root.resolve("/q/health/ready")) == 200;
    }
}
