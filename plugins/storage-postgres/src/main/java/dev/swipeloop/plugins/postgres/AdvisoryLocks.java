package dev.swipeloop.plugins.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Transaction-scoped advisory locks ({@code pg_advisory_xact_lock(int, int)}), held until
 * commit or rollback. The ledger's make its seqs follow commit order across hosts: a
 * transaction takes its apps' lock before it draws seqs from the shared sequence, so the next
 * transaction of that app draws only after this one is visible, and a cursor that read past a
 * seq can never see a smaller one appear behind it. (Votes get the same from their app's
 * {@code app_seqs} row, which an append locks by drawing from it; see {@link VoteSql}.) The
 * fold lock keeps two hosts from folding one app's votes at once.
 *
 * <p>The first key names the kind of lock within the schema (two schemas in one database do
 * not share locks, bar a hash collision, which only makes them wait for each other); the second
 * is the app id's {@link String#hashCode()}, which the Java language fixes, so every host
 * computes the same key. Keys are taken in ascending order, so two transactions that each
 * lock several apps cannot deadlock (apps whose hashes collide share one lock, taken once).
 */
final class AdvisoryLocks {
    private static final String LOCK_IN_ORDER =
            "SELECT count(pg_advisory_xact_lock(?, key)) FROM unnest(?::int[]) AS key";
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(?, ?)";

    private final int ledger;
    private final int folds;
    private final int migrations;

    AdvisoryLocks(String schema) {
        this.ledger = (schema + ":ledger").hashCode();
        this.folds = (schema + ":folds").hashCode();
        this.migrations = (schema + ":migrations").hashCode();
    }

    /** Appends and restores of these apps' ledger entries, and moves of their ledger cursors. */
    void lockLedger(Connection connection, Collection<String> appIds) throws SQLException {
        lock(connection, ledger, appIds);
    }

    /**
     * Folds of these apps' votes into the judged counts, erasures and restores of their votes:
     * whoever holds it may read and move the apps' folded_seq. Erasures and restores take it
     * after the apps' {@code app_seqs} rows; folds take no such row.
     */
    void lockFolds(Connection connection, Collection<String> appIds) throws SQLException {
        lock(connection, folds, appIds);
    }

    /** {@link #lockFolds} for one app without waiting: false when another transaction holds it. */
    boolean tryLockFold(Connection connection, String appId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
            statement.setInt(1, folds);
            statement.setInt(2, appId.hashCode());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** One host at a time migrates the schema. */
    void lockMigrations(Connection connection) throws SQLException {
        lock(connection, migrations, List.of(""));
    }

    private static void lock(Connection connection, int kind, Collection<String> appIds) throws SQLException {
        TreeSet<Integer> keys = new TreeSet<>();
        for (String appId : appIds) {
            keys.add(appId.hashCode());
        }
        Array array = connection.createArrayOf("int4", keys.toArray(new Integer[0]));
        try (PreparedStatement statement = connection.prepareStatement(LOCK_IN_ORDER)) {
            statement.setInt(1, kind);
            statement.setArray(2, array);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
            }
        } finally {
            array.free();
        }
    }
}
