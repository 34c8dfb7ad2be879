package org.switchboard.schemacompat;

import java.util.Objects;

/**
 * One incompatibility between a candidate schema and one earlier version of the same subject.
 *
 * @param againstVersion the earlier version, 1-based, in the order the history was given (oldest is 1)
 * @param direction {@link #BACKWARD} when the candidate, as reader, cannot read what that version allowed;
 *     {@link #FORWARD} when that version, as reader, cannot read what the candidate allows
 * @param incompatibility the reason, as {@link SchemaCompatibility#readerAcceptsWriter} reports it
 */
public record Violation(int againstVersion, String direction, Incompatibility incompatibility) {

    /** The candidate reads data written under the earlier version. */
    public static final String BACKWARD = "BACKWARD";

    /** The earlier version reads data written under the candidate. */
    public static final String FORWARD = "FORWARD";

    public Violation {
        if (againstVersion < 1) {
            throw new IllegalArgumentException("versions are 1-based: " + againstVersion);
        }
        if (!BACKWARD.equals(direction) && !FORWARD.equals(direction)) {
            throw new IllegalArgumentException("direction must be BACKWARD or FORWARD: " + direction);
        }
        Objects.requireNonNull(incompatibility, "incompatibility");
    }
}
