package io.tickstock.perf.chaos;

/**
 * One fault a chaos run inflicts on a component of the stack.
 *
 * @param target {@code processor}, {@code ingest}, {@code gateway} or {@code kafka}
 */
public record Fault(Kind kind, String target) {

    public enum Kind {
        /** SIGKILL: the process dies at once, mid-transaction included; restarted at once, as a pod would be. */
        KILL,
        /** SIGTERM: the process shuts down gracefully (drains, commits, closes clients with 1012); restarted. */
        SIGTERM,
        /** The broker is stopped, stays down for the outage, then starts again; the services keep running. */
        BROKER_STOP
    }

    public static Fault kill(String target) {
        return new Fault(Kind.KILL, target);
    }

    public static Fault sigterm(String target) {
        return new Fault(Kind.SIGTERM, target);
    }

    public static Fault brokerStop() {
        return new Fault(Kind.BROKER_STOP, "kafka");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case KILL -> "kill -9 " + target;
            case SIGTERM -> "SIGTERM " + target;
            case BROKER_STOP -> "broker stop";
        };
    }
}
