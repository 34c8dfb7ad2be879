package org.switchboard.ordering.boundary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * An order as a customer places it: which customer, what, whether express, and optionally a
 * document stored before with {@code Orders.storeAttachment} (its claim id).
 */
public record NewOrder(UUID customerId, List<Line> lines, boolean express, UUID attachment) {

    public NewOrder(UUID customerId, List<Line> lines, boolean express) {
        this(customerId, lines, express, null);
    }

    public record Line(String sku, int quantity) {}

    /** Identifies the request for its Idempotency-Key: the same key with another order is refused. */
    public String fingerprint() {
        var canonical = new StringBuilder().append(customerId).append('|').append(express);
        if (attachment != null) {
            canonical.append("|attachment=").append(attachment);
        }
        lines.forEach(
                line -> canonical.append('|').append(line.sku()).append('x').append(line.quantity()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
