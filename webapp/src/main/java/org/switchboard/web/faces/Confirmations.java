package org.switchboard.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.switchboard.webstore.boundary.RegisteredCustomer;

/**
 * The registration page's confirmation after its redirect (post-redirect-get), so that a reload
 * shows it again instead of registering twice. The page is stateless and anonymous, so the
 * confirmation travels in the address: name and e-mail sealed (AES-GCM, a key that lives as long as
 * the server) so that neither is readable in logs or history nor forgeable, and valid for an hour.
 */
@ApplicationScoped
public class Confirmations {

    static final Duration VALID_FOR = Duration.ofHours(1);
    private static final int NONCE_BYTES = 12;

    /** What the new customer is shown again. */
    public record Confirmation(String fullName, String email) {}

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public Confirmations() {
        this(Clock.systemUTC());
    }

    Confirmations(Clock clock) {
        this.clock = clock;
        try {
            var generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            this.key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A URL-safe token for this customer's confirmation. */
    public String seal(RegisteredCustomer customer) {
        var nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        var plain = (clock.instant().getEpochSecond() + "\n" + customer.fullName() + "\n" + customer.email())
                .getBytes(StandardCharsets.UTF_8);
        try {
            var sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The confirmation, if the token is ours, whole and less than an hour old. */
    public Optional<Confirmation> open(String token) {
        try {
            var bytes = Base64.getUrlDecoder().decode(token);
            if (bytes.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            var nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
            var plain = new String(
                    cipher(Cipher.DECRYPT_MODE, nonce).doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
            var parts = plain.split("\n", 3);
            var sealedAt = Instant.ofEpochSecond(Long.parseLong(parts[0]));
            if (sealedAt.plus(VALID_FOR).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Confirmation(parts[1], parts[2]));
        } catch (IllegalArgumentException | GeneralSecurityException | ArrayIndexOutOfBoundsException e) {
            // Not ours, altered, or from before the server restarted: shown as "no longer shown".
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        return cipher;
    }
}
