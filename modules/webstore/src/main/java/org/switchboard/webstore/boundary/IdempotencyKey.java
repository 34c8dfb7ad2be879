package org.switchboard.webstore.boundary;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;
import org.switchboard.webstore.control.IdempotencyKeyRetention;

/**
 * A client's name for one registration, sent in the {@code Idempotency-Key} header, so that it can
 * retry after an answer it did not get (or a 503) without registering twice: 1 to 200 printable
 * ASCII characters. The Web Store remembers a key and its outcome for at least {@link #RETENTION}.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;
    public static final Duration RETENTION = IdempotencyKeyRetention.RETENTION;

    public IdempotencyKey {
        if (!isValid(value)) {
            throw new Invalid();
        }
    }

    /** No header, no key; a header that is not a valid key is refused ({@link Invalid}). */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        return header == null ? Optional.empty() : Optional.of(new IdempotencyKey(header));
    }

    static boolean isValid(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= MAX_LENGTH
                && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The header is there but is not a key. */
    @ApplicationException(rollback = true)
    public static class Invalid extends RuntimeException {
        Invalid() {
            super(HEADER + " must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }

    /** The key was used for a different request: nothing was done. */
    @ApplicationException(rollback = true)
    public static class Reused extends RuntimeException {
        Reused(IdempotencyKey key) {
            super("Idempotency-Key '" + key + "' was used for a different registration");
        }
    }

    /** Another request with this key is being processed and its outcome is not known yet. */
    @ApplicationException(rollback = true)
    public static class InProgress extends RuntimeException {
        InProgress(IdempotencyKey key) {
            super("A registration with Idempotency-Key '" + key + "' is in progress; retry shortly");
        }
    }
}
