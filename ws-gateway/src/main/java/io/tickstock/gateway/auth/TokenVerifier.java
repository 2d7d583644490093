package io.tickstock.gateway.auth;

import io.quarkus.runtime.StartupEvent;
import io.tickstock.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

/**
 * Checks the token of an {@code auth} action (SPEC §8, §10). Two kinds, either or both configured:
 * <ul>
 *   <li>static API keys, for programs: the configuration holds only their SHA-256, so it leaks no key;</li>
 *   <li>JWTs from an identity provider, for people: HS256 with a shared secret, or RS256/ES256 with the provider's
 *       public key; {@code exp} is required and the connection is closed when it passes.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenVerifier {

    /** The answer for one token; {@code expiresAtMillis} is {@link Long#MAX_VALUE} for API keys. */
    public record Verdict(boolean accepted, String reason, long expiresAtMillis) {
        static Verdict accept(long expiresAtMillis) {
            return new Verdict(true, null, expiresAtMillis);
        }

        static Verdict reject(String reason) {
            return new Verdict(false, reason, 0);
        }
    }

    private static final int CLOCK_SKEW_SECONDS = 30;

    private final boolean enabled;
    private final Set<String> keyHashes;
    private final List<JwtConsumer> jwt;

    @Inject
    public TokenVerifier(GatewayConfig config) {
        this(config.auth().enabled(), config.auth().apiKeySha256().orElse(List.of()), config.auth().jwt());
    }

    TokenVerifier(boolean enabled, List<String> keyHashes, GatewayConfig.Jwt jwt) {
        this.enabled = enabled;
        this.keyHashes = keyHashes.stream()
                .map(hash -> hash.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.jwt = jwtConsumers(jwt);
    }

    /** With auth on and nothing to check tokens against, no one could connect: refuse to start instead. */
    void onStart(@Observes StartupEvent event) {
        if (enabled && keyHashes.isEmpty() && jwt.isEmpty()) {
            throw new IllegalStateException("tickstock.gateway.auth.enabled=true but no way to check a token is"
                    + " configured: set TICKSTOCK_GATEWAY_AUTH_API_KEY_SHA256 and/or TICKSTOCK_GATEWAY_AUTH_JWT_SECRET"
                    + " / TICKSTOCK_GATEWAY_AUTH_JWT_PUBLIC_KEY (docs/operations.md)");
        }
    }

    public Verdict verify(String token) {
        if (token == null || token.isBlank()) {
            return Verdict.reject("auth needs a token: {\"action\":\"auth\",\"params\":TOKEN}");
        }
        if (keyHashes.contains(sha256(token.strip()))) {
            return Verdict.accept(Long.MAX_VALUE);
        }
        if (token.chars().filter(c -> c == '.').count() == 2 && !jwt.isEmpty()) {
            return verifyJwt(token.strip());
        }
        return Verdict.reject("token not accepted");
    }

    private Verdict verifyJwt(String token) {
        String reason = "token not accepted";
        for (JwtConsumer consumer : jwt) {
            try {
                JwtClaims claims = consumer.processToClaims(token);
                return Verdict.accept(claims.getExpirationTime().getValueInMillis());
            } catch (InvalidJwtException e) {
                if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
                    return Verdict.reject("token expired");
                }
                reason = "token not accepted: " + firstLine(e);
            } catch (MalformedClaimException e) {
                reason = "token not accepted: " + e.getMessage();
            }
        }
        return Verdict.reject(reason);
    }

    private static String firstLine(InvalidJwtException e) {
        return e.getErrorDetails().isEmpty() ? "invalid" : e.getErrorDetails().get(0).getErrorMessage();
    }

    private static List<JwtConsumer> jwtConsumers(GatewayConfig.Jwt config) {
        List<JwtConsumer> consumers = new ArrayList<>();
        config.secret().ifPresent(secret -> consumers.add(consumer(config, builder -> builder
                .setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                .setRelaxVerificationKeyValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256))));
        config.publicKey().ifPresent(pem -> consumers.add(consumer(config, builder -> builder
                .setVerificationKey(publicKey(pem))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))));
        return List.copyOf(consumers);
    }

    private static JwtConsumer consumer(GatewayConfig.Jwt config, UnaryOperator<JwtConsumerBuilder> key) {
        JwtConsumerBuilder builder = key.apply(new JwtConsumerBuilder())
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS);
        config.issuer().ifPresent(builder::setExpectedIssuer);
        Optional<String> audience = config.audience();
        if (audience.isPresent()) {
            builder.setExpectedAudience(audience.get());
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        return builder.build();
    }

    static PublicKey publicKey(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next kind
            }
        }
        throw new IllegalArgumentException("tickstock.gateway.auth.jwt.public-key is neither an RSA nor an EC public"
                + " key (expected PEM 'BEGIN PUBLIC KEY')");
    }

    /** The form an API key is configured in: its SHA-256, hex. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
