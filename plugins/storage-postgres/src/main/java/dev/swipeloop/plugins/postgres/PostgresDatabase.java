package dev.swipeloop.plugins.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A host's pool of connections to the database (HikariCP over the driver's DataSource), and
 * the three ways the stores use it: a write transaction, a single-statement read in
 * auto-commit, and a read-only transaction whose result sets stream (the driver fetches rows in
 * pages only outside auto-commit). Turns {@link SQLException} into {@link StorageException},
 * retriable when the same call may work later (a lost connection, a deadlock, a busy server).
 */
final class PostgresDatabase implements AutoCloseable {
    /** SQLSTATEs of failures that go away by themselves; class 08 (connections) is added below. */
    private static final Set<String> RETRIABLE = Set.of("40001", "40P01", "53300", "55P03", "57P01", "57P02",
            "57P03");
    static final String UNIQUE_VIOLATION = "23505";

    private final HikariDataSource pool;

    private PostgresDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * A pool over {@code source}, whose server was reached and migrated already: the pool does
     * not try a connection of its own at start, so it cannot fail here with a logged stack trace.
     */
    static PostgresDatabase open(DataSource source, PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("swipeloop-postgres");
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectTimeoutMs());
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        return new PostgresDatabase(new HikariDataSource(config));
    }

    /** Runs {@code work} in one transaction and commits it; the commit is durable when it returns. */
    <T> T write(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code work} in auto-commit: for a read of one statement, which sees one snapshot by itself. */
    <T> T read(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} in a read-only transaction: its statements share one snapshot, and a
     * result set with a fetch size streams from a server-side cursor instead of arriving whole.
     */
    <T> T readOnly(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Whether the server takes writes: a hot standby does not, nor a session whose transactions default to read-only. */
    boolean writable() {
        return read("ask whether the database takes writes", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off'");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        });
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * A unique violation in a write that must not overwrite anything (a restore) becomes a
     * {@link ConflictException}; every other failure a {@link StorageException}.
     */
    static RuntimeException conflictOrFailure(String what, SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new ConflictException("PostgreSQL could not " + what + ": " + oneLine(e)
                    + "; nothing of this call was written");
        }
        return failure(what, e);
    }

    static StorageException failure(String what, SQLException e) {
        String state = e.getSQLState();
        boolean retriable = e instanceof SQLTransientException
                || state != null && (state.startsWith("08") || RETRIABLE.contains(state));
        return new StorageException("PostgreSQL could not " + what + ": " + oneLine(e), retriable, e);
    }

    static String oneLine(Exception e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
