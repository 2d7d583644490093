package io.tickstock.perf.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a server frame (a JSON array of objects, SPEC §8) straight from the bytes read off the socket, keeping only
 * the fields the harness judges and stepping over the rest: a thousand clients each read every frame, so reading
 * one must cost little more than passing over its bytes once. Field order does not matter; strings with escapes
 * are unescaped (those are rare: error messages).
 */
public final class FrameScanner {

    private final byte[] in;
    private final int end;
    private int at;

    private FrameScanner(byte[] in, int length) {
        this.in = in;
        this.end = length;
    }

    /** The frame's objects in order; a frame that is not an array of objects fails with what was wrong. */
    public static List<ServerObject> scan(String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return scan(bytes, bytes.length);
    }

    /** The same, from the first {@code length} bytes of {@code frame} (UTF-8). */
    public static List<ServerObject> scan(byte[] frame, int length) {
        FrameScanner scanner = new FrameScanner(frame, length);
        try {
            return scanner.frame();
        } catch (IllegalStateException | ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("a server frame is not JSON: " + scanner.abbreviated(), e);
        }
    }

    private List<ServerObject> frame() {
        if (next() != '[') {
            throw new IllegalArgumentException("a server frame must be a JSON array: " + abbreviated());
        }
        List<ServerObject> objects = new ArrayList<>();
        if (peek() == ']') {
            at++;
            return objects;
        }
        while (true) {
            if (peek() != '{') {
                throw new IllegalArgumentException("a server frame must hold objects only: " + abbreviated());
            }
            objects.add(object());
            byte separator = next();
            if (separator == ']') {
                return objects;
            }
            expect(separator, ',');
        }
    }

    private ServerObject object() {
        Fields f = new Fields();
        members(f, false);
        return new ServerObject(f.ev, f.id, f.type, f.symbol, f.channel, (int) f.priority, f.detectedAt, f.snapshot,
                f.feed, f.providerTs, f.ingestTs, f.gatewayReadUs, f.status, f.auth, (int) f.code, f.message,
                (int) f.shed, (int) f.conflated, f.cursor, f.recovered);
    }

    /** The members of an object ({@code source}: those of the event's source context). */
    private void members(Fields f, boolean source) {
        expect(next(), '{');
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            int keyStart = stringStart();
            int keyEnd = stringEnd(keyStart);
            expect(next(), ':');
            if (source) {
                sourceMember(f, keyStart, keyEnd - keyStart);
            } else {
                member(f, keyStart, keyEnd - keyStart);
            }
            byte separator = next();
            if (separator == '}') {
                return;
            }
            expect(separator, ',');
        }
    }

    private void member(Fields f, int key, int length) {
        switch (length) {
            case 2 -> {
                if (is(key, "ev")) {
                    f.ev = string();
                } else if (is(key, "id")) {
                    f.id = string();
                } else {
                    skip();
                }
            }
            case 4 -> {
                if (is(key, "type")) {
                    f.type = string();
                } else if (is(key, "code")) {
                    f.code = number();
                } else if (is(key, "auth")) {
                    f.auth = string();
                } else if (is(key, "shed")) {
                    f.shed = number();
                } else {
                    skip();
                }
            }
            case 6 -> {
                if (is(key, "symbol")) {
                    f.symbol = string();
                } else if (is(key, "status")) {
                    f.status = string();
                } else if (is(key, "source") && peek() == '{') {
                    members(f, true);
                } else if (is(key, "cursor")) {
                    f.cursor = string();
                } else {
                    skip();
                }
            }
            case 7 -> {
                if (is(key, "channel")) {
                    f.channel = string();
                } else if (is(key, "message")) {
                    f.message = string();
                } else {
                    skip();
                }
            }
            case 8 -> {
                if (is(key, "priority")) {
                    f.priority = number();
                } else if (is(key, "snapshot")) {
                    f.snapshot = bool();
                } else {
                    skip();
                }
            }
            case 9 -> {
                if (is(key, "recovered")) {
                    f.recovered = bool();
                } else if (is(key, "conflated")) {
                    f.conflated = number();
                } else {
                    skip();
                }
            }
            case 10 -> {
                if (is(key, "detectedAt")) {
                    f.detectedAt = number();
                } else {
                    skip();
                }
            }
            case 13 -> {
                if (is(key, "gatewayReadUs")) {
                    f.gatewayReadUs = number();
                } else {
                    skip();
                }
            }
            default -> skip();
        }
    }

    private void sourceMember(Fields f, int key, int length) {
        if (length == 4 && is(key, "feed")) {
            f.feed = string();
        } else if (length == 10 && is(key, "providerTs")) {
            f.providerTs = number();
        } else if (length == 8 && is(key, "ingestTs")) {
            f.ingestTs = number();
        } else {
            skip();
        }
    }

    /** Steps over one value of any kind. */
    private void skip() {
        byte c = peek();
        if (c == '"') {
            stringEnd(stringStart());
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                c = in[at];
                if (c == '"') {
                    stringEnd(stringStart());
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
                at++;
            } while (depth > 0);
        } else {
            while (at < end && in[at] != ',' && in[at] != '}' && in[at] != ']') {
                at++;
            }
        }
    }

    private String string() {
        int start = stringStart();
        int stop = stringEnd(start);
        for (int i = start; i < stop; i++) {
            if (in[i] == '\\') {
                return unescape(start, stop);
            }
        }
        return new String(in, start, stop - start, StandardCharsets.UTF_8);
    }

    private long number() {
        skipSpace();
        boolean negative = in[at] == '-';
        if (negative) {
            at++;
        }
        long value = 0;
        int digits = 0;
        while (at < end && in[at] >= '0' && in[at] <= '9') {
            value = value * 10 + (in[at++] - '0');
            digits++;
        }
        if (digits == 0) {
            throw new IllegalStateException("a number expected at " + at);
        }
        skip(); // a fraction or exponent, if any: the judged numbers are whole
        return negative ? -value : value;
    }

    private boolean bool() {
        skipSpace();
        boolean value = in[at] == 't';
        skip();
        return value;
    }

    /** Past the opening quote of a string: where its characters start. */
    private int stringStart() {
        expect(next(), '"');
        return at;
    }

    /** Past the closing quote of the string starting at {@code start}: where its characters end. */
    private int stringEnd(int start) {
        int i = start;
        while (in[i] != '"') {
            i += in[i] == '\\' ? 2 : 1;
        }
        at = i + 1;
        return i;
    }

    private String unescape(int start, int stop) {
        StringBuilder text = new StringBuilder(stop - start);
        String raw = new String(in, start, stop - start, StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = raw.charAt(++i);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    text.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> text.append(escaped);
            }
        }
        return text.toString();
    }

    private boolean is(int start, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (in[start + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private byte next() {
        skipSpace();
        if (at >= end) {
            throw new IllegalStateException("the frame ends early");
        }
        return in[at++];
    }

    private byte peek() {
        skipSpace();
        if (at >= end) {
            throw new IllegalStateException("the frame ends early");
        }
        return in[at];
    }

    private void skipSpace() {
        while (at < end && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
            at++;
        }
    }

    private static void expect(byte actual, char wanted) {
        if (actual != wanted) {
            throw new IllegalStateException("'" + wanted + "' expected, not '" + (char) actual + "'");
        }
    }

    private String abbreviated() {
        String frame = new String(in, 0, Math.min(end, 201), StandardCharsets.UTF_8);
        return frame.length() <= 200 ? frame : frame.substring(0, 200) + "…";
    }

    private static final class Fields {
        String ev = "";
        String id = "";
        String type = "";
        String symbol = "";
        String channel = "";
        long priority;
        long detectedAt;
        boolean snapshot;
        String feed = "";
        long providerTs;
        long ingestTs;
        long gatewayReadUs;
        String status = "";
        String auth = "";
        long code;
        String message = "";
        long shed;
        long conflated;
        String cursor = "";
        boolean recovered;
    }
}
