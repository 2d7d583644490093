package io.tickstock.ingest.normalize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tickstock.ingest.validate.Reason;
import io.tickstock.ingest.validate.Rejection;
import io.tickstock.ingest.validate.RejectedException;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketMessage;
import java.io.IOException;
import java.util.Arrays;

/**
 * Splits one provider frame (a JSON array of objects, or a single object) into its elements and reads each on its
 * own, keeping each element's original bytes: a bad element is rejected with exactly its bytes while its good
 * neighbours go on. Bytes after a syntax error cannot be split reliably; they are rejected together, and the
 * elements read before the error are kept.
 */
public final class FrameReader {

    /** What a frame's elements become. Called in frame order on the reading thread. */
    public interface Handler {
        /** A market-data message that parsed; the rules have not run yet. */
        void message(MarketMessage msg, byte[] original);

        /** A provider control message ({@code "ev":"status"}). */
        void control(JsonNode status);

        /** Something that is not a usable message; {@code symbol} when one could be read, for the record key. */
        void rejected(Rejection rejection, byte[] original, String symbol);
    }

    // NaN/Infinity parse, so that a feed sending them gets the precise price_not_finite instead of not_json
    private static final ObjectMapper TREES = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build())
            .build();

    private final int maxFrameBytes;
    private final int maxMessageBytes;

    public FrameReader(int maxFrameBytes, int maxMessageBytes) {
        this.maxFrameBytes = maxFrameBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Reads {@code frame}, reporting every element to {@code handler}; never throws for bad input. */
    public void read(byte[] frame, Handler handler) {
        if (frame.length > maxFrameBytes) {
            handler.rejected(Rejection.of(Reason.FRAME_TOO_LARGE,
                    "frame of " + frame.length + " bytes, the limit is " + maxFrameBytes), frame, null);
            return;
        }
        try (JsonParser parser = TREES.createParser(frame)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readArray(frame, parser, handler);
            } else if (first == JsonToken.START_OBJECT) {
                readElement(frame, parser, 0, handler);
                expectEnd(frame, parser, handler);
            } else if (first == null) {
                handler.rejected(Rejection.of(Reason.NOT_JSON, "empty frame"), frame, null);
            } else {
                handler.rejected(Rejection.of(Reason.NOT_OBJECT, "a frame must be an array of objects, got " + first),
                        frame, null);
            }
        } catch (IOException e) {
            // only the parser's creation/closing can land here; the element loops catch their own errors
            handler.rejected(Rejection.of(Reason.NOT_JSON, brief(e)), frame, null);
        }
    }

    private void readArray(byte[] frame, JsonParser parser, Handler handler) {
        // where the last complete element ended: after a syntax error, only bytes past it are lost
        int consumed = offset(parser.currentLocation().getByteOffset());
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new JsonParseException(parser, "the frame ends inside its array");
                }
                readElement(frame, parser, offset(parser.currentTokenLocation().getByteOffset()), handler);
                consumed = offset(parser.currentLocation().getByteOffset());
            }
        } catch (IOException e) {
            handler.rejected(Rejection.of(Reason.NOT_JSON, brief(e)),
                    Arrays.copyOfRange(frame, consumed, frame.length), null);
            return;
        }
        expectEnd(frame, parser, handler);
    }

    // one element: the parser stands on its first token; afterwards on its last
    private void readElement(byte[] frame, JsonParser parser, int start, Handler handler) throws IOException {
        JsonNode node = TREES.readTree(parser);
        int end = offset(parser.currentLocation().getByteOffset());
        byte[] original = Arrays.copyOfRange(frame, start, end);
        if (!node.isObject()) {
            handler.rejected(Rejection.of(Reason.NOT_OBJECT, "element is " + node.getNodeType().name().toLowerCase()),
                    original, null);
            return;
        }
        if (original.length > maxMessageBytes) {
            handler.rejected(Rejection.of(Reason.MESSAGE_TOO_LARGE,
                    "message of " + original.length + " bytes, the limit is " + maxMessageBytes), original,
                    MessageReader.symbolOrNull(node));
            return;
        }
        try {
            Feed feed = MessageReader.feedOf(node);
            if (feed == null) {
                handler.control(node);
            } else {
                handler.message(MessageReader.read(feed, node), original);
            }
        } catch (RejectedException e) {
            handler.rejected(e.rejection(), original, MessageReader.symbolOrNull(node));
        }
    }

    private static void expectEnd(byte[] frame, JsonParser parser, Handler handler) {
        int from = offset(parser.currentLocation().getByteOffset());
        try {
            if (parser.nextToken() != null) {
                handler.rejected(Rejection.of(Reason.NOT_JSON, "trailing data after the frame"),
                        Arrays.copyOfRange(frame, from, frame.length), null);
            }
        } catch (IOException e) {
            handler.rejected(Rejection.of(Reason.NOT_JSON, "trailing data after the frame: " + brief(e)),
                    Arrays.copyOfRange(frame, from, frame.length), null);
        }
    }

    private static int offset(long byteOffset) {
        return (int) byteOffset;
    }

    private static String brief(IOException e) {
        String message = e instanceof StreamReadException read ? read.getOriginalMessage() : e.getMessage();
        return "not valid JSON: " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }
}
