package io.tickstock.stack.control;

/** What the stack cannot do, said as the operator should read it: {@code tickstock: MESSAGE}, exit 1. */
public final class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }
}
