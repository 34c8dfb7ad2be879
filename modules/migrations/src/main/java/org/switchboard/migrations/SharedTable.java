package org.switchboard.migrations;

/**
 * Tables the building block's patterns need in a context's schema, shipped once in this jar
 * ({@code db/shared/<name>/V*.sql}) rather than copied into every context. Each keeps its own Flyway
 * history table in the context's schema, so it evolves apart from the context's own migrations.
 */
public enum SharedTable {
    /** {@code outbox}: the transactional outbox ({@code org.switchboard.messaging.outbox}). */
    OUTBOX("outbox"),
    /** {@code processed_message}: the idempotent consumer's claims ({@code IdempotentConsumer}). */
    PROCESSED_MESSAGE("processed-message");

    private final String directory;

    SharedTable(String directory) {
        this.directory = directory;
    }

    String location() {
        return "classpath:db/shared/" + directory;
    }

    String historyTable() {
        return "flyway_" + directory.replace('-', '_') + "_history";
    }
}
