package io.tickstock.model.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON ser/de for one record type, usable as a plain Kafka {@link Serializer}/{@link Deserializer} and as a Kafka
 * Streams {@link Serde}. Garbage is rejected with a {@link MalformedMessageException} naming the problem.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this.type = type;
        this.reader = Json.mapper().readerFor(type);
        this.writer = Json.mapper().writerFor(type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the type is fixed at construction
    }

    @Override
    public void close() {
        // holds no resources
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (startsAnArray(data)) {
            throw new MalformedMessageException("not_object", type.getSimpleName() + ": expected a JSON object",
                    null);
        }
        try {
            return reader.readValue(data);
        } catch (IOException | RuntimeException e) {
            throw malformed(e);
        }
    }

    /** Parses a JSON text; the same rules as {@link #deserialize(String, byte[])}. */
    public T fromJson(String json) {
        return deserialize(null, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a value as a JSON text. */
    public String toJson(T value) {
        return new String(serialize(null, value), StandardCharsets.UTF_8);
    }

    // Jackson would read an array as a type-id wrapper and blame an unknown "ev"; say what is really wrong instead.
    private static boolean startsAnArray(byte[] data) {
        for (byte b : data) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    private MalformedMessageException malformed(Exception e) {
        String what = type.getSimpleName() + ": ";
        if (e instanceof StreamReadException) {
            return new MalformedMessageException("not_json", what + "not valid JSON: " + e.getMessage(), e);
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new MalformedMessageException("bad_field", what + e.getMessage(), e);
        }
        String detail = mapping.getOriginalMessage();
        if (e instanceof InvalidTypeIdException typeId && typeId.getTypeId() != null) {
            return new MalformedMessageException("unknown_ev",
                    what + "unknown event kind '" + typeId.getTypeId() + "'", e);
        }
        if (isMissingField(detail)) {
            return new MalformedMessageException("missing_field", what + detail, e);
        }
        return new MalformedMessageException("bad_field", what + detail + " at " + mapping.getPathReference(), e);
    }

    private static boolean isMissingField(String detail) {
        return detail.startsWith("Missing required creator property")
                || detail.startsWith("Cannot map `null`")
                || detail.contains("missing type id property");
    }
}
