package io.tickstock.processor.state;

/** Reads what a {@link StateWriter} wrote, in the same order; throws {@link IllegalStateException} on damage. */
public final class StateReader {

    private final byte[] bytes;
    private int position;

    public StateReader(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    public int getByte() {
        need(1);
        return bytes[position++];
    }

    public boolean getBoolean() {
        return getByte() != 0;
    }

    public double getDouble() {
        need(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (bytes[position++] & 0xFF);
        }
        return Double.longBitsToDouble(bits);
    }

    public long getLong() {
        long zigzag = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            byte b = bytes[position++];
            zigzag |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
        }
        throw new IllegalStateException("a variable-length number longer than 64 bits at " + position);
    }

    public int getInt() {
        return Math.toIntExact(getLong());
    }

    /** A count of items that follow: each takes at least a byte, so damage cannot make it allocate wildly. */
    public int getCount() {
        int count = getInt();
        if (count < 0 || count > bytes.length - position) {
            throw new IllegalStateException("count " + count + " at " + position + " exceeds what is left");
        }
        return count;
    }

    public byte[] getBytes() {
        int length = getCount();
        byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    /** Whether everything written was read: a value with bytes left over is not one this code wrote. */
    public boolean atEnd() {
        return position == bytes.length;
    }

    private void need(int count) {
        if (position + count > bytes.length) {
            throw new IllegalStateException("value ends after " + bytes.length + " bytes, needed " + (position + count));
        }
    }
}
