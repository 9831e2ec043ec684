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
 * The connections to one database file: a single writer, used under a fair lock (so the
 * indexer's transactions and appends take turns), a small pool of readers that WAL lets run
 * beside it, and one connection that only checkpoints the WAL. The writer never checkpoints
 * by itself ({@code wal_autocheckpoint=0}): {@link #checkpoint} is called off the commit path.
 * Turns {@link SQLException} into {@link StorageException}, retriable when the database was busy.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CONSTRAINT = 19;

    /** Beyond this the WAL file is cut back when it restarts from its beginning. */
    private static final long WAL_SIZE_LIMIT_BYTES = 64L << 20;
    /** Unlocked checkpoints repeat while commits add more frames than this meanwhile. */
    private static final long FRAMES_LEFT_FOR_LOCKED_STEP = 256;
    private static final int UNLOCKED_CHECKPOINT_TRIES = 3;

    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final Connection checkpointer;
    private final List<Connection> readers;
    private final BlockingQueue<Connection> idleReaders;
    private final int busyTimeoutMs;
    private volatile boolean closed;

    private SqliteDatabase(Connection writer, Connection checkpointer, List<Connection> readers, int busyTimeoutMs) {
        this.writer = writer;
        this.checkpointer = checkpointer;
        this.readers = readers;
        this.idleReaders = new ArrayBlockingQueue<>(readers.size(), false, readers);
        this.busyTimeoutMs = busyTimeoutMs;
    }

    /**
     * Opens the writer (which switches the file to WAL and migrates the schema), the
     * checkpointer and the readers. Fails without leaving a connection open.
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
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA wal_autocheckpoint = 0");
                statement.execute("PRAGMA journal_size_limit = " + WAL_SIZE_LIMIT_BYTES);
            }
            Connection checkpointer = dataSource(settings, false).getConnection();
            opened.add(checkpointer);
            SQLiteDataSource readSource = dataSource(settings, true);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < settings.readConnections(); i++) {
                Connection reader = readSource.getConnection();
                opened.add(reader);
                readers.add(reader);
            }
            return new SqliteDatabase(writer, checkpointer, readers, settings.busyTimeoutMs());
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

    /**
     * Copies the WAL into the database file so that the next commit can start the WAL over from
     * its beginning, which keeps it small. The WAL restarts only when a commit begins while every
     * frame is copied, which a checkpoint beside running commits never achieves; so passive
     * checkpoints first copy what they can without holding up a commit, and one more under the
     * write lock copies the frames committed meanwhile. A reader still reading an
     * old snapshot can keep the WAL from restarting; when it has grown beyond
     * {@code restartAboveFrames} anyway, the locked step is a RESTART checkpoint, which waits
     * for such readers (up to the busy timeout) while commits wait too. Returns how many frames
     * the WAL had.
     */
    long checkpoint(long restartAboveFrames) {
        try {
            long[] frames = checkpointOnce("PASSIVE");
            long seen = frames[0];
            for (int i = 1; i < UNLOCKED_CHECKPOINT_TRIES; i++) {
                long copied = frames[1];
                frames = checkpointOnce("PASSIVE");
                if (frames[0] - copied <= FRAMES_LEFT_FOR_LOCKED_STEP) {
                    break;
                }
            }
            writeLock.lock();
            try {
                ensureOpen();
                checkpointOnce(seen > restartAboveFrames ? "RESTART" : "PASSIVE");
                return seen;
            } finally {
                writeLock.unlock();
            }
        } catch (SQLException e) {
            throw failure("checkpoint the WAL", e);
        }
    }

    /**
     * One {@code wal_checkpoint} on the checkpointer: the WAL's frames when it began (commits
     * may have added more since) and how many of them are copied.
     */
    private long[] checkpointOnce(String mode) throws SQLException {
        synchronized (checkpointer) {
            ensureOpen();
            try (Statement statement = checkpointer.createStatement();
                 ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
                row.next();
                return new long[] {row.getLong(2), row.getLong(3)};
            }
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
            synchronized (checkpointer) {
                closeQuietly(checkpointer);
            }
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

    /** A UNIQUE or PRIMARY KEY (or other constraint) refused the statement. */
    static boolean isConstraintViolation(SQLException e) {
        return (e.getErrorCode() & 0xFF) == SQLITE_CONSTRAINT;
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
