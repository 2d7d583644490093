package io.tickstock.perf.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a server frame (a JSON array of objects, SPEC §8) with Jackson's streaming parser, keeping only the fields
 * the harness needs: a thousand clients each read every frame, so the harness must not build trees it throws away.
 */
public final class FrameScanner {

    private static final JsonFactory JSON = new JsonFactory();

    private FrameScanner() {
    }

    /** The frame's objects in order; a frame that is not an array of objects fails with what was wrong. */
    public static List<ServerObject> scan(String frame) {
        try (JsonParser parser = JSON.createParser(frame)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("a server frame must be a JSON array: " + abbreviated(frame));
            }
            List<ServerObject> objects = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                objects.add(object(parser));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("a server frame must hold objects only: " + abbreviated(frame));
            }
            return objects;
        } catch (IOException e) {
            throw new IllegalArgumentException("a server frame is not JSON: " + abbreviated(frame), e);
        }
    }

    private static ServerObject object(JsonParser parser) throws IOException {
        Fields f = new Fields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("source") && value == JsonToken.START_OBJECT) {
                source(parser, f);
            } else if (value.isStructStart()) {
                parser.skipChildren();
            } else {
                top(name, parser, f);
            }
        }
        return new ServerObject(f.ev, f.id, f.type, f.symbol, f.channel, f.priority, f.detectedAt, f.snapshot, f.feed,
                f.providerTs, f.ingestTs, f.status, f.auth, f.code, f.message, f.shed, f.conflated, f.cursor,
                f.recovered);
    }

    private static void top(String name, JsonParser parser, Fields f) throws IOException {
        switch (name) {
            case "ev" -> f.ev = parser.getText();
            case "id" -> f.id = parser.getText();
            case "type" -> f.type = parser.getText();
            case "symbol" -> f.symbol = parser.getText();
            case "channel" -> f.channel = parser.getText();
            case "priority" -> f.priority = parser.getIntValue();
            case "detectedAt" -> f.detectedAt = parser.getLongValue();
            case "snapshot" -> f.snapshot = parser.getBooleanValue();
            case "status" -> f.status = parser.getText();
            case "auth" -> f.auth = parser.getText();
            case "code" -> f.code = parser.getIntValue();
            case "message" -> f.message = parser.getText();
            case "shed" -> f.shed = parser.getIntValue();
            case "conflated" -> f.conflated = parser.getIntValue();
            case "cursor" -> f.cursor = parser.getText();
            case "recovered" -> f.recovered = parser.getBooleanValue();
            default -> {
                // other fields (price, details, …) are not judged here
            }
        }
    }

    private static void source(JsonParser parser, Fields f) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isStructStart()) {
                parser.skipChildren();
                continue;
            }
            switch (name) {
                case "feed" -> f.feed = parser.getText();
                case "providerTs" -> f.providerTs = parser.getLongValue();
                case "ingestTs" -> f.ingestTs = parser.getLongValue();
                default -> {
                    // topic, partition, offset, msgId: the committed-events reader has them
                }
            }
        }
    }

    private static String abbreviated(String frame) {
        return frame.length() <= 200 ? frame : frame.substring(0, 200) + "…";
    }

    private static final class Fields {
        String ev = "";
        String id = "";
        String type = "";
        String symbol = "";
        String channel = "";
        int priority;
        long detectedAt;
        boolean snapshot;
        String feed = "";
        long providerTs;
        long ingestTs;
        String status = "";
        String auth = "";
        int code;
        String message = "";
        int shed;
        int conflated;
        String cursor = "";
        boolean recovered;
    }
}
