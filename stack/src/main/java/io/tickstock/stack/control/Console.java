package io.tickstock.stack.control;

import java.io.PrintStream;

/** Where the stack says what it does ({@code ==> } lines) and what went wrong on the way. */
public record Console(PrintStream out, PrintStream err) {

    public static Console system() {
        return new Console(System.out, System.err);
    }

    /** Both to one stream: a log of what a chaos run restarted. */
    public static Console to(PrintStream stream) {
        return new Console(stream, stream);
    }

    public void info(String message) {
        out.println("==> " + message);
    }

    public void warn(String message) {
        err.println(message);
    }
}
