package org.switchboard.operations.monitoring.entity;

import java.time.Instant;

/**
 * A transaction branch PostgreSQL holds prepared ({@code pg_prepared_xacts}), with its row locks,
 * until a coordinator commits or rolls it back.
 *
 * @param gid the global id, as {@code COMMIT PREPARED '<gid>'} takes it
 */
public record PreparedBranch(String gid, Instant prepared, String owner, String database) {}
