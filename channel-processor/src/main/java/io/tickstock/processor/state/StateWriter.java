package io.tickstock.processor.state;

import java.util.Arrays;

/**
 * Writes a state value as compact bytes: doubles as their 8 bits, longs as zig-zag varints (times and counters are
 * mostly small deltas or small numbers), byte strings with their length in front. A value is written on every record
 * a channel takes and read back only after a restart, so writing is what has to be cheap.
 */
public final class StateWriter {

    private byte[] bytes;
    private int size;

    public StateWriter(int capacity) {
        this.bytes = new byte[capacity];
    }

    public StateWriter putByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    public StateWriter putBoolean(boolean value) {
        return putByte(value ? 1 : 0);
    }

    public StateWriter putDouble(double value) {
        long bits = Double.doubleToRawLongBits(value);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (bits >>> shift);
        }
        return this;
    }

    public StateWriter putLong(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        ensure(10);
        while ((zigzag & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        bytes[size++] = (byte) zigzag;
        return this;
    }

    public StateWriter putBytes(byte[] value) {
        putLong(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
