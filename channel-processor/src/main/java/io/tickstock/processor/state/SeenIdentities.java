package io.tickstock.processor.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The identities (SPEC §5.1) of the inputs a symbol had in one second, exactly as strings, packed into one byte
 * array (each one's length, then its UTF-8 bytes). A second holds a handful of trades, so a linear scan is the
 * fastest look-up there is, and the second's state is written as one value.
 */
public record SeenIdentities(byte[] packed) {

    public static final SeenIdentities NONE = new SeenIdentities(new byte[0]);

    public boolean contains(String identity) {
        byte[] wanted = identity.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (at < packed.length) {
            int length = lengthAt(at);
            int start = at + lengthBytes(length);
            if (length == wanted.length && Arrays.equals(packed, start, start + length, wanted, 0, length)) {
                return true;
            }
            at = start + length;
        }
        return false;
    }

    public SeenIdentities with(String identity) {
        byte[] added = identity.getBytes(StandardCharsets.UTF_8);
        int header = lengthBytes(added.length);
        byte[] next = Arrays.copyOf(packed, packed.length + header + added.length);
        int at = packed.length;
        int length = added.length;
        while (length >= 0x80) {
            next[at++] = (byte) ((length & 0x7F) | 0x80);
            length >>>= 7;
        }
        next[at++] = (byte) length;
        System.arraycopy(added, 0, next, at, added.length);
        return new SeenIdentities(next);
    }

    public int count() {
        int count = 0;
        for (int at = 0; at < packed.length; count++) {
            int length = lengthAt(at);
            at += lengthBytes(length) + length;
        }
        return count;
    }

    private int lengthAt(int at) {
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = packed[at++];
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                return length;
            }
        }
    }

    private static int lengthBytes(int length) {
        int bytes = 1;
        for (int rest = length; rest >= 0x80; rest >>>= 7) {
            bytes++;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeenIdentities seen && Arrays.equals(packed, seen.packed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(packed);
    }

    @Override
    public String toString() {
        return count() + " identities";
    }
}
