package io.tickstock.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.gateway.GatewayConfig;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Key;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";

    record Jwt(Optional<String> secret, Optional<String> publicKey, Optional<String> issuer,
            Optional<String> audience) implements GatewayConfig.Jwt {
    }

    private static final Jwt NO_JWT = new Jwt(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** A signed JWT expiring {@code expiresInSeconds} from now (negative: already expired). */
    static String jwt(Key key, String algorithm, long expiresInSeconds, String issuer) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("desk-7");
        claims.setIssuer(issuer);
        claims.setExpirationTimeMinutesInTheFuture(expiresInSeconds / 60f);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(long expiresInSeconds) {
        return jwt(new HmacKey(SECRET.getBytes()), AlgorithmIdentifiers.HMAC_SHA256, expiresInSeconds, "idp");
    }

    @Test
    void apiKeysAreCheckedAgainstTheirSha256() {
        TokenVerifier verifier = new TokenVerifier(true, List.of(TokenVerifier.sha256("k-1").toUpperCase()), NO_JWT);

        assertThat(verifier.verify("k-1").accepted()).isTrue();
        assertThat(verifier.verify("k-1").expiresAtMillis()).isEqualTo(Long.MAX_VALUE);
        assertThat(verifier.verify("k-2").reason()).isEqualTo("token not accepted");
        assertThat(verifier.verify(" ").reason()).contains("auth needs a token");
        assertThat(verifier.verify(null).accepted()).isFalse();
    }

    @Test
    void hs256TokensNeedTheSecretAndAnUnexpiredExp() {
        TokenVerifier verifier = new TokenVerifier(true, List.of(),
                new Jwt(Optional.of(SECRET), Optional.empty(), Optional.of("idp"), Optional.empty()));

        TokenVerifier.Verdict valid = verifier.verify(hs256(600));
        assertThat(valid.accepted()).isTrue();
        assertThat(valid.expiresAtMillis()).isGreaterThan(System.currentTimeMillis());
        assertThat(verifier.verify(hs256(-600)).reason()).isEqualTo("token expired");
        assertThat(verifier.verify(jwt(new HmacKey("another-secret-of-at-least-32-bytes".getBytes()),
                AlgorithmIdentifiers.HMAC_SHA256, 600, "idp")).reason()).startsWith("token not accepted");
        assertThat(verifier.verify(jwt(new HmacKey(SECRET.getBytes()), AlgorithmIdentifiers.HMAC_SHA256, 600,
                "someone-else")).accepted()).isFalse();
        assertThat(verifier.verify("a.b.c").accepted()).isFalse();
    }

    @Test
    void rs256TokensAreCheckedWithTheProvidersPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        TokenVerifier verifier = new TokenVerifier(true, List.of(),
                new Jwt(Optional.empty(), Optional.of(pem), Optional.empty(), Optional.of("tickstock")));

        String token = jwt(pair.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256, 600, "idp");
        assertThat(verifier.verify(token).reason()).as("no audience claim").startsWith("token not accepted");
        assertThat(verifier.verify(hs256(600)).accepted()).as("HS256 is not allowed with a public key").isFalse();
    }

    @Test
    void aKeyThatIsNoPublicKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> TokenVerifier.publicKey("bm90IGEga2V5"))
                .hasMessageContaining("neither an RSA nor an EC public key");
    }

    @Test
    void authOnWithNothingToCheckAgainstRefusesToStart() {
        assertThatThrownBy(() -> new TokenVerifier(true, List.of(), NO_JWT).onStart(null))
                .hasMessageContaining("TICKSTOCK_GATEWAY_AUTH_API_KEY_SHA256");
        new TokenVerifier(false, List.of(), NO_JWT).onStart(null);
    }
}
