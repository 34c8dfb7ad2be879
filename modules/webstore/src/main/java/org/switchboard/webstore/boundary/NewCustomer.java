package org.switchboard.webstore.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.switchboard.messaging.schema.Mailbox;
import org.switchboard.messaging.schema.PersonNames;
import org.switchboard.webstore.entity.Customer;

/**
 * What a visitor submits to register. The constraints are the Web Store's rules for a registration.
 * E-mail addresses follow {@link Mailbox}, the same rule the event schemas' {@code email} format is
 * checked with, so every valid registration can be published.
 *
 * @param familyName optional: some people have only one name
 * @param marketingConsent whether they ticked "send me news and offers"; null means no
 */
public record NewCustomer(
        @NotBlank(message = "E-mail address is required")
        @Pattern(regexp = Mailbox.PATTERN, message = "Not a valid e-mail address")
        @Size(max = 254, message = "E-mail address is longer than 254 characters")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "E-mail address contains control characters")
        String email,

        @NotBlank(message = "Given name is required")
        @Size(max = 100, message = "Given name is longer than 100 characters")
        @PersonName(label = "Given name")
        String givenName,

        @Size(max = 100, message = "Family name is longer than 100 characters") @PersonName(label = "Family name")
        String familyName,

        Boolean marketingConsent) {

    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

    /** A registration from a client of the first API version, which sent the whole name as one field. */
    public static NewCustomer withFullName(String email, String fullName, Boolean marketingConsent) {
        return new NewCustomer(email, fullName, null, marketingConsent);
    }

    /**
     * As the Web Store stores it: e-mail trimmed and in lower case; names in NFC without the spaces
     * and zero-width characters around them (see {@link PersonNames#normalize}); a blank family name
     * absent. A family name of only invisible characters is not blank: it stays, empty, and is refused.
     */
    NewCustomer normalized() {
        var given = givenName == null ? null : PersonNames.normalize(givenName);
        return new NewCustomer(
                email == null ? null : Customer.normalizeEmail(email),
                given == null || given.isEmpty() ? null : given,
                familyName == null || familyName.isBlank() ? null : PersonNames.normalize(familyName),
                Boolean.TRUE.equals(marketingConsent));
    }

    /**
     * SHA-256 of the registration as it would be stored, in hex: two requests that register the
     * same thing (e-mail case, surrounding spaces, the old fullName field) have the same one. Each
     * field is length-prefixed so that no two different requests run together into one string.
     */
    String fingerprint() {
        var n = normalized();
        var canonical = new StringBuilder();
        for (var field : new String[] {n.email, n.givenName, n.familyName, String.valueOf(n.marketingConsent)}) {
            canonical.append(field == null ? "-" : field.length() + ":" + field).append('|');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
