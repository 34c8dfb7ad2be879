package org.switchboard.operations.monitoring.entity;

import java.util.List;

/**
 * What one look at the database found.
 *
 * @param answered whether {@code SELECT 1} answered in time
 * @param detail how long it took, or what went wrong
 * @param prepared the branches PostgreSQL holds prepared (empty when it did not answer)
 */
public record DatabaseReading(boolean answered, String detail, List<PreparedBranch> prepared) {}
