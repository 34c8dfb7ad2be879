package org.switchboard.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.payments.entity.KeySlot;
import org.switchboard.payments.entity.Refusal;

/**
 * Verifies a provider notification before anything else reads it: {@code X-Provider-Signature:
 * sha256=<hex>} must be the HMAC-SHA256 of {@code "<X-Provider-Timestamp>.<raw body>"} under the
 * current secret ({@code switchboard.payments.webhook-secret}) or, during a rotation, the previous
 * one ({@code switchboard.payments.webhook-secret-previous}); the timestamp (seconds since the
 * epoch) must lie within {@code switchboard.payments.webhook-tolerance} seconds of now (default
 * 300), so a captured notification cannot be replayed later, and the signature binds the
 * timestamp, so it cannot be refreshed. Compared in constant time.
 *
 * <p>Rotation: set the new secret as current and the old one as previous, restart; tell the
 * provider the new secret; once it signs with it, drop the previous one. A notification signed with
 * a secret that is neither is refused like a forged one.
 */
@ApplicationScoped
public class WebhookSignatures {

    /** Why a notification was refused, for its problem document and the counters. */
    public static final class Refused extends RuntimeException {

        private final Refusal refusal;

        Refused(Refusal refusal, String detail) {
            super(detail);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    @Inject
    @ConfigProperty(name = "switchboard.payments.webhook-secret")
    Optional<String> current;

    @Inject
    @ConfigProperty(name = "switchboard.payments.webhook-secret-previous")
    Optional<String> previous;

    @Inject
    @ConfigProperty(name = "switchboard.payments.webhook-tolerance", defaultValue = "300")
    long toleranceSeconds;

    /** Which secret signed it, or {@link Refused} with the reason; {@code signedAt} is the checked timestamp. */
    public KeySlot verify(String timestamp, String signature, byte[] body, Instant now) {
        return verify(
                current.filter(s -> !s.isBlank()),
                previous.filter(s -> !s.isBlank()),
                Duration.ofSeconds(toleranceSeconds),
                timestamp,
                signature,
                body,
                now);
    }

    static KeySlot verify(
            Optional<String> current,
            Optional<String> previous,
            Duration tolerance,
            String timestamp,
            String signature,
            byte[] body,
            Instant now) {
        if (current.isEmpty()) {
            throw new Refused(Refusal.NOT_CONFIGURED, "No webhook secret is configured: nothing can be verified");
        }
        var signedAt = signedAt(timestamp);
        if (signature == null || !signature.startsWith("sha256=")) {
            throw new Refused(Refusal.BAD_SIGNATURE, "X-Provider-Signature is missing or not sha256=<hex>");
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature.substring("sha256=".length()));
        } catch (IllegalArgumentException notHex) {
            throw new Refused(Refusal.BAD_SIGNATURE, "X-Provider-Signature is not hexadecimal");
        }
        KeySlot slot = null;
        if (MessageDigest.isEqual(presented, mac(current.get(), timestamp, body))) {
            slot = KeySlot.CURRENT;
        } else if (previous.isPresent() && MessageDigest.isEqual(presented, mac(previous.get(), timestamp, body))) {
            slot = KeySlot.PREVIOUS;
        }
        if (slot == null) {
            throw new Refused(Refusal.BAD_SIGNATURE, "The signature matches no valid webhook secret");
        }
        // Checked after the signature: an attacker learns nothing about the window from a forged one.
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new Refused(
                    Refusal.STALE,
                    "Signed at " + signedAt + ", more than " + tolerance.toSeconds()
                            + " s from now: a replay is refused");
        }
        return slot;
    }

    /** The notification's timestamp, which {@link #verify} accepted. */
    public static Instant signedAt(String timestamp) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp == null ? "" : timestamp.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new Refused(Refusal.MALFORMED, "X-Provider-Timestamp is missing or not seconds since the epoch");
        }
    }

    /** The signature header a provider would send: {@code sha256=<hex>}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    private static byte[] mac(String secret, String timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No HmacSHA256 in this JDK", e);
        }
    }
}
