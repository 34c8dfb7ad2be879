package org.switchboard.it;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Part of the fault harness: makes PostgreSQL itself fail a transaction at its COMMIT. A deferred
 * constraint trigger on a context's table (installed by the tests, never by the product's
 * migrations) raises an error with the chosen SQLState when a transaction that inserted a matching
 * row commits, the first {@code failures} times. Its counter is a sequence, which a rollback does not
 * undo. So the failure happens inside the commit, after the handler's work and its flush, exactly
 * where a lost connection or a serialization failure would strike.
 */
final class CommitFaults {

    /** Serialization failure: a business-as-usual commit failure, worth a plain redelivery. */
    static final String SERIALIZATION_FAILURE = "40001";

    /** Connection failure: how a commit fails when the database goes away during it. */
    static final String CONNECTION_FAILURE = "08006";

    private final DataSource dataSource;

    CommitFaults(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An armed commit failure; {@link #attempts} counts the commits it saw. */
    record Armed(String counter, CommitFaults faults) {
        long attempts() {
            return faults.lastValue(counter);
        }
    }

    /**
     * The next {@code failures} commits that insert into {@code table} a row whose {@code column}
     * equals {@code value} fail with {@code sqlState}.
     */
    Armed arm(String table, String column, Object value, int failures, String sqlState) {
        var counter = "fault_injection.commit_" + UUID.randomUUID().toString().replace("-", "");
        execute("create schema if not exists fault_injection");
        execute("create table if not exists fault_injection.commit_failure ("
                + " table_name text not null, column_name text not null, value text not null,"
                + " failures int not null, sql_state text not null, counter text not null)");
        execute("create or replace function fault_injection.fail_commit() returns trigger language plpgsql as $$"
                + " declare f record;"
                + " begin"
                + "   for f in select * from fault_injection.commit_failure"
                + "       where table_name = tg_table_schema || '.' || tg_table_name loop"
                // Nested: SQL does not promise to skip nextval() when the first test is false.
                + "     if to_jsonb(new) ->> f.column_name = f.value then"
                + "       if nextval(f.counter::regclass) <= f.failures then"
                + "         raise exception 'Injected failure at commit (%)', f.counter using errcode = f.sql_state;"
                + "       end if;"
                + "     end if;"
                + "   end loop;"
                + "   return null;"
                + " end $$");
        var trigger = "fault_injection_commit";
        execute("drop trigger if exists " + trigger + " on " + table);
        execute("create constraint trigger " + trigger + " after insert on " + table
                + " deferrable initially deferred for each row execute function fault_injection.fail_commit()");
        execute("create sequence " + counter);
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("insert into fault_injection.commit_failure values (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, table);
            s.setString(2, column);
            s.setString(3, value.toString());
            s.setInt(4, failures);
            s.setString(5, sqlState);
            s.setString(6, counter);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot arm a commit failure on " + table, e);
        }
        return new Armed(counter, this);
    }

    private long lastValue(String counter) {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("select case when is_called then last_value else 0 end from " + counter)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(counter, e);
        }
    }

    private void execute(String sql) {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
