package org.switchboard.operations.monitoring.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.switchboard.operations.monitoring.entity.DatabaseReading;
import org.switchboard.operations.monitoring.entity.PreparedBranch;

/**
 * Asks the database whether it answers ({@code SELECT 1}) and which branches it holds prepared
 * ({@code pg_prepared_xacts}), within {@link #TIMEOUT_SECONDS}. The look runs on the managed
 * executor, outside any transaction, so that a pool waiting for a connection (up to its blocking
 * timeout) or a connection attempt to a host that does not answer cannot hold the caller longer.
 */
@ApplicationScoped
public class DatabaseProbe {

    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource database;

    @Resource
    ManagedExecutorService executor;

    public DatabaseReading read() {
        var started = System.nanoTime();
        var look = executor.submit(this::look);
        try {
            var prepared = look.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            var millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            return new DatabaseReading(true, "SELECT 1 answered in " + millis + " ms", prepared);
        } catch (TimeoutException e) {
            look.cancel(true);
            return new DatabaseReading(false, "no answer within " + TIMEOUT_SECONDS + " s", List.of());
        } catch (ExecutionException e) {
            return new DatabaseReading(false, "unreachable: " + e.getCause(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DatabaseReading(false, "interrupted", List.of());
        }
    }

    private List<PreparedBranch> look() throws SQLException {
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (var one = statement.executeQuery("SELECT 1")) {
                one.next();
            }
            var prepared = new ArrayList<PreparedBranch>();
            try (var rows = statement.executeQuery(
                    "select gid, prepared, owner, database from pg_prepared_xacts order by prepared")) {
                while (rows.next()) {
                    prepared.add(new PreparedBranch(
                            rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getString(3), rows.getString(4)));
                }
            }
            return prepared;
        }
    }
}
