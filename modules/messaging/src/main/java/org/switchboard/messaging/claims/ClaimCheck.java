package org.switchboard.messaging.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.switchboard.messaging.UnreadableMessageException;
import org.switchboard.messaging.UnreadableMessageException.Reason;

/**
 * The claim check: a large payload is stored once, in the claim store (PostgreSQL schema
 * {@code claims}, migrated by {@code SchemaMigrations.migrateClaimStore}), and messages carry only
 * its {@link ClaimReference}. Whoever fetches it gets it only if it still matches the reference's
 * SHA-256 and size; a missing or altered payload is an {@link UnreadableMessageException} with
 * reason {@code CLAIM_MISSING} or {@code CLAIM_CORRUPT}, which dead-letters the message that
 * referred to it with that reason.
 *
 * <p>Plain JDBC on the caller's data source, in the caller's transaction: a claim stored, or
 * deleted, with the state change that needs it, or not at all.
 */
public final class ClaimCheck {

    private final DataSource dataSource;

    public ClaimCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Thrown by {@link #store} when the payload is larger than allowed. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(long limit) {
            super("The payload is larger than " + limit + " bytes");
        }
    }

    /**
     * Stores a payload of at most {@code maxBytes} (read whole: it is bounded, and its hash must be
     * known before it is written); kept until deleted or until {@code retention} has passed.
     */
    public ClaimReference store(InputStream content, String mediaType, long maxBytes, Duration retention) {
        byte[] bytes;
        try {
            bytes = content.readNBytes(Math.toIntExact(maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the payload to store", e);
        }
        if (bytes.length > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        var reference = new ClaimReference(UUID.randomUUID(), sha256(bytes), bytes.length, mediaType);
        var now = Instant.now();
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("insert into claims.claim"
                        + " (id, sha256, size, media_type, content, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, reference.claimId());
            insert.setString(2, reference.sha256());
            insert.setLong(3, reference.size());
            insert.setString(4, mediaType);
            insert.setBytes(5, bytes);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now.plus(retention)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a claim", e);
        }
        return reference;
    }

    /** The reference of a stored claim, to put in a message; empty if there is none with this id. */
    public Optional<ClaimReference> describe(UUID claimId) {
        try (var connection = dataSource.getConnection();
                var select =
                        connection.prepareStatement("select sha256, size, media_type from claims.claim where id = ?")) {
            select.setObject(1, claimId);
            try (var rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(
                                new ClaimReference(claimId, rows.getString(1), rows.getLong(2), rows.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read claim " + claimId, e);
        }
    }

    /** The payload, verified against the reference: its SHA-256 and size. */
    public byte[] fetch(ClaimReference reference) {
        byte[] bytes;
        try (var connection = dataSource.getConnection();
                var select = connection.prepareStatement("select content from claims.claim where id = ?")) {
            select.setObject(1, reference.claimId());
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new UnreadableMessageException(
                            Reason.CLAIM_MISSING,
                            "Claim " + reference.claimId() + " is not in the claim store (deleted, or never stored)");
                }
                bytes = rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read claim " + reference.claimId(), e);
        }
        var actual = sha256(bytes);
        if (bytes.length != reference.size() || !actual.equals(reference.sha256())) {
            throw new UnreadableMessageException(
                    Reason.CLAIM_CORRUPT,
                    "Claim " + reference.claimId() + " has " + bytes.length + " bytes with SHA-256 " + actual
                            + ", the message says " + reference.size() + " bytes with SHA-256 " + reference.sha256());
        }
        return bytes;
    }

    /** Deletes a claim once nothing needs it any more; true if it was there. */
    public boolean delete(UUID claimId) {
        try (var connection = dataSource.getConnection();
                var delete = connection.prepareStatement("delete from claims.claim where id = ?")) {
            delete.setObject(1, claimId);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete claim " + claimId, e);
        }
    }

    /** Deletes the claims whose retention has ended; how many. */
    public int deleteExpired(Instant now) {
        try (var connection = dataSource.getConnection();
                var delete = connection.prepareStatement("delete from claims.claim where expires_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete expired claims", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
