package dev.swipeloop.plugins.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Moves a seq sequence past restored rows. {@code setval} is not transactional and takes
 * effect at once: a restore is meant for a database nothing else writes to yet (a copy made
 * by the migrate command), where no append can draw between the read and the set.
 */
final class Sequences {
    private Sequences() {
    }

    /** Runs a {@code setval(…, greatest(?, last_value))} statement with {@code highest}. */
    static void keepAbove(Connection connection, String setvalSql, long highest) throws SQLException {
        try (PreparedStatement setval = connection.prepareStatement(setvalSql)) {
            setval.setLong(1, highest);
            try (ResultSet row = setval.executeQuery()) {
                row.next();
            }
        }
    }
}
