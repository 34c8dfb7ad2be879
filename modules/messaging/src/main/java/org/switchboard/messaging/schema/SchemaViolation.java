package org.switchboard.messaging.schema;

/**
 * One way a message breaks its schema: the field ({@code email}, {@code name.given}, or
 * {@code (root)}), the JSON Schema keyword that failed, and the validator's explanation.
 */
public record SchemaViolation(String field, String keyword, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
