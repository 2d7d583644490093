package io.tickstock.perf.launch;

import io.tickstock.stack.sizing.Sizing;
import picocli.CommandLine.Option;

/** The options perf and chaos share about the stack they start: its sizing, its duplicates, whether it is kept. */
final class FreshStackOptions {

    @Option(names = {"-h", "--help"}) boolean help;

    @Option(names = "--keep") boolean keep;

    @Option(names = "--duplicates") String duplicates = "0.05";

    Sizing sizing = Sizing.LOCAL;

    // the last of --limits and --containers given counts
    @Option(names = "--limits")
    void limits(boolean given) {
        if (given) {
            sizing = Sizing.K8S;
        }
    }

    @Option(names = "--containers")
    void containers(boolean given) {
        if (given) {
            sizing = Sizing.CONTAINERS;
        }
    }

    /** The stack these options ask for; {@code what} (perf, chaos) names the command in a refusal. */
    FreshStack stack(String what, boolean jfr) {
        try {
            return new FreshStack(duplicates, sizing, jfr);
        } catch (IllegalArgumentException e) {
            throw new LaunchException(what + ": " + e.getMessage());
        }
    }

    /** How the command line records the sizing: {@code --limits } or {@code --containers }, or nothing. */
    String sizingWords() {
        return sizing == Sizing.LOCAL ? "" : sizing.option() + " ";
    }
}
