package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connections to one database file: a single writer, used under a lock, and a small
 * pool of readers that WAL lets run beside it. Turns {@link SQLException} into
 * {@link StorageException}, retriable when the database was busy.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final List<Connection> readers;
    private final BlockingQueue<Connection> idleReaders;
    private final int busyTimeoutMs;
    private volatile boolean closed;

    private SqliteDatabase(Connection writer, List<Connection> readers, int busyTimeoutMs) {
        this.writer = writer;
        this.readers = readers;
        this.idleReaders = new ArrayBlockingQueue<>(readers.size(), false, readers);
        this.busyTimeoutMs = busyTimeoutMs;
    }

    /**
     * Opens the writer (which switches the file to WAL and migrates the schema) and then the
     * readers. Fails without leaving a connection open.
     */
    static SqliteDatabase open(SqliteSettings settings) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = dataSource(settings, false).getConnection();
            opened.add(writer);
            String journalMode = pragma(writer, "journal_mode");
            if (!"wal".equalsIgnoreCase(journalMode)) {
                throw new SQLException("journal_mode is " + journalMode + ", not wal (is the file on a network disk?)");
            }
            SchemaMigrations.migrate(writer);
            SQLiteDataSource readSource = dataSource(settings, true);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < settings.readConnections(); i++) {
                Connection reader = readSource.getConnection();
                opened.add(reader);
                readers.add(reader);
            }
            return new SqliteDatabase(writer, readers, settings.busyTimeoutMs());
        } catch (SQLException | RuntimeException e) {
            for (Connection connection : opened) {
                closeQuietly(connection);
            }
            throw e;
        }
    }

    private static SQLiteDataSource dataSource(SqliteSettings settings, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(settings.busyTimeoutMs());
        config.setCacheSize(-settings.cacheSizeMb() * 1024);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + settings.path());
        return source;
    }

    /** Runs {@code work} in one write transaction (BEGIN IMMEDIATE … COMMIT); COMMIT is the fsync. */
    <T> T write(String what, SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            try (Statement statement = writer.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    T result = work.run(writer);
                    statement.execute("COMMIT");
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollback(statement, e);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a reader; each statement sees the latest commit. */
    <T> T read(String what, SqlWork<T> work) {
        Connection reader = borrowReader(what);
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            idleReaders.add(reader);
        }
    }

    /** Runs {@code work} on a reader inside one read transaction, so its statements agree. */
    <T> T readSnapshot(String what, SqlWork<T> work) {
        return read(what, reader -> {
            try (Statement statement = reader.createStatement()) {
                statement.execute("BEGIN");
                try {
                    return work.run(reader);
                } finally {
                    statement.execute("COMMIT");
                }
            }
        });
    }

    /** A pragma's value on the writer and on every reader, in that order. */
    List<String> pragmaEverywhere(String name) {
        List<String> values = new ArrayList<>();
        values.add(write("read pragma " + name, connection -> pragma(connection, name)));
        for (int i = 0; i < readers.size(); i++) {
            values.add(read("read pragma " + name, connection -> pragma(connection, name)));
        }
        return values;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            readers.forEach(SqliteDatabase::closeQuietly);
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA optimize");
            } catch (SQLException e) {
                // Only a planner hint; closing matters more.
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private Connection borrowReader(String what) {
        ensureOpen();
        try {
            Connection reader = idleReaders.poll(Math.max(busyTimeoutMs, 1), TimeUnit.MILLISECONDS);
            if (reader == null) {
                throw new StorageException("SQLite could not " + what + ": all " + readers.size()
                        + " read connections stayed busy; raise readConnections", true, null);
            }
            return reader;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("SQLite could not " + what + ": interrupted", true, e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("SQLite storage is closed", false, null);
        }
    }

    private static StorageException failure(String what, SQLException e) {
        int primary = e.getErrorCode() & 0xFF;
        boolean retriable = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
        return new StorageException("SQLite could not " + what + ": " + e.getMessage(), retriable, e);
    }

    private static void rollback(Statement statement, Throwable cause) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing left to do with a connection that will not close.
        }
    }
}
