package io.tickstock.processor.state;

/**
 * How one kind of state value is laid out, field by field. The format number is stored in front of every value:
 * a change of layout takes a new number, so an old value is recognised as such instead of being misread.
 */
public interface StateCodec<T> {

    int format();

    void write(T value, StateWriter out);

    T read(StateReader in);
}
