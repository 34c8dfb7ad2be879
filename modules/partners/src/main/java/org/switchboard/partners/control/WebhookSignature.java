package org.switchboard.partners.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Webhook-Signature} header, in the scheme Stripe uses: {@code t=<timestamp>,v1=<hex>},
 * where the hex is HMAC-SHA256, keyed with the endpoint's secret, over {@code <timestamp>.<body>}
 * (the timestamp in Unix seconds, a dot, the exact bytes of the body). Signing the timestamp with
 * the body lets a partner refuse old deliveries replayed by someone else (it checks the timestamp
 * is recent); the event id ({@code Webhook-Id}) is what it deduplicates on.
 */
public final class WebhookSignature {

    static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** The header value for a body posted at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /** Whether {@code header} is the signature of {@code body} with {@code secret} (constant time). */
    public static boolean verify(String secret, String header, String body) {
        long timestamp = -1;
        String given = null;
        for (var part : header.split(",")) {
            var pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            switch (pair[0]) {
                case "t" -> timestamp = parse(pair[1]);
                case "v1" -> given = pair[1];
                default -> {
                    // other schemes (a future v2) are ignored, as Stripe's clients do
                }
            }
        }
        if (timestamp < 0 || given == null) {
            return false;
        }
        var expected = HexFormat.of().formatHex(mac(secret, timestamp, body));
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] mac(String secret, long timestamp, String body) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No " + ALGORITHM + " in this JVM", e);
        }
    }
}
