package io.tickstock.stack.layout;

import java.nio.file.Path;

/**
 * The folder a stack keeps everything in ({@code TICKSTOCK_HOME}, default {@code .tickstock} of the repository): the
 * broker's jars and data, one log and one pid file per component, the processor's state, Prometheus.
 */
public record StackHome(Path dir) {

    public StackHome {
        // absolute: podman takes a relative path to mount for the name of a volume
        dir = dir.toAbsolutePath().normalize();
    }

    public Path kafka() {
        return dir.resolve("kafka");
    }

    public Path kafkaLibs() {
        return kafka().resolve("libs");
    }

    public Path kafkaData() {
        return kafka().resolve("data");
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path pids() {
        return dir.resolve("pids");
    }

    public Path prometheus() {
        return dir.resolve("prometheus");
    }

    /** The sizing the running stack was started with (see {@code Sizing}). */
    public Path sizingFile() {
        return dir.resolve("sizing");
    }

    /** The source and profile {@code up} gave the ingest service, so a restart starts it alike. */
    public Path ingestOptions() {
        return dir.resolve("ingest.options");
    }

    /** Each processor instance's own state directory: {@code processor-state}, {@code processor-state-2}, ... */
    public Path processorState(Instance instance) {
        return dir.resolve("processor-state" + suffix(instance));
    }

    /** Where podman runs from: conmon leaves a file {@code oom} in its working directory. */
    public Path containers() {
        return dir.resolve("containers");
    }

    /** {@code ""} for the first instance, {@code -N} for the others. */
    public static String suffix(Instance instance) {
        return instance.number() == 1 ? "" : "-" + instance.number();
    }
}
