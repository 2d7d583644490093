package io.tickstock.stack.sizing;

import io.tickstock.stack.layout.StackHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * How the stack's components are sized: the local heaps, the heaps Kubernetes would give them ({@code up --limits}),
 * or each in its container under the limits of its manifest ({@code up --containers}). Kept in the home while the
 * stack runs, so later instances are started alike.
 */
public enum Sizing {
    LOCAL("local", "", "as processes with the local heaps"),
    K8S("k8s", "--limits", "as processes with the Kubernetes heaps (--limits)"),
    CONTAINERS("containers", "--containers", "in containers (--containers)");

    private final String word;
    private final String option;
    private final String description;

    Sizing(String word, String option, String description) {
        this.word = word;
        this.option = option;
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The option of {@code up} (and of perf and chaos) that chooses it; empty for the local heaps, the default. */
    public String option() {
        return option;
    }

    public static Sizing of(StackHome home) {
        try {
            String word = Files.exists(home.sizingFile()) ? Files.readString(home.sizingFile()).trim() : "local";
            return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst().orElse(LOCAL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void keep(StackHome home) {
        try {
            Files.createDirectories(home.dir());
            Files.writeString(home.sizingFile(), word + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void forget(StackHome home) {
        try {
            Files.deleteIfExists(home.sizingFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
