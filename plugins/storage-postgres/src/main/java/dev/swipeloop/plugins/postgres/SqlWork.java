package dev.swipeloop.plugins.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one borrowed connection; the caller owns the transaction around it. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
