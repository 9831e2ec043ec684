package dev.swipeloop.plugins.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out seqs from the {@code sequences} table inside the caller's write transaction.
 * Unlike {@code max(seq) + 1}, a counter never gives a seq out twice, even after the newest
 * rows were deleted, so a cursor that has passed a seq never misses what comes later.
 */
final class Sequences {
    static final String RESERVE_LEDGER_SEQS = """
            UPDATE sequences SET last_value = last_value + ?1 WHERE name = 'ledger' \
            RETURNING last_value - ?1 + 1""";

    private static final String RAISE = "UPDATE sequences SET last_value = max(last_value, ?) WHERE name = ?";

    private Sequences() {
    }

    /** Moves the counter {@code name} ('votes' or 'ledger') up to {@code seq} if it is below: rows restored under their own seqs. */
    static void raise(Connection connection, String name, long seq) throws SQLException {
        try (PreparedStatement raise = connection.prepareStatement(RAISE)) {
            raise.setLong(1, seq);
            raise.setString(2, name);
            raise.executeUpdate();
        }
    }

    /** Reserves {@code count} seqs with a {@code RESERVE_…} statement; returns the first. */
    static long reserve(Connection connection, String reserveSql, int count) throws SQLException {
        try (PreparedStatement reserve = connection.prepareStatement(reserveSql)) {
            reserve.setInt(1, count);
            try (ResultSet row = reserve.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the sequences table lacks its row; the schema is damaged");
                }
                return row.getLong(1);
            }
        }
    }
}
