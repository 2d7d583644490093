package io.tickstock.model.id;

import io.tickstock.model.EventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic event ids (SPEC §5.3): a function of the input message's identity and the event type only, so
 * reprocessing an input after a restart or a replay yields the id already delivered, and clients can drop it.
 */
public final class EventIds {

    private static final int ID_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: looking SHA-256 up costs more than hashing an identity. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(EventIds::sha256);

    private EventIds() {
    }

    /** A 128-bit id, as 32 lowercase hex digits. */
    public static String of(String inputIdentity, EventType type) {
        MessageDigest digest = SHA_256.get();
        digest.update(type.wireName().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '|');
        digest.update(inputIdentity.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest(), 0, ID_BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
