package org.switchboard.partners.entity;

/** How one attempt to post a delivery went. */
public enum AttemptOutcome {
    /** A 2xx answer. */
    DELIVERED,
    /** Any other answer. */
    REJECTED,
    /** No answer: refused connection, timeout, broken connection. */
    UNREACHABLE;

    /** {@code delivered}, {@code rejected}, {@code unreachable}: the metrics' tag. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
