package dev.swipeloop.plugins.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds whole columns of a batch as array parameters, for statements that read them back with
 * {@code unnest(?::text[], ?::uuid[], …)}: a batch of any size is one statement with a fixed
 * number of parameters, parsed and planned once, instead of one statement per row. Frees the
 * arrays with the statement's parameters.
 */
final class ArrayParameters implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;
    private final List<Array> arrays = new ArrayList<>();
    private int next;

    ArrayParameters(Connection connection, PreparedStatement statement) {
        this(connection, statement, 1);
    }

    /** Binds arrays from parameter {@code firstParameter} on; the ones before it are the caller's. */
    ArrayParameters(Connection connection, PreparedStatement statement, int firstParameter) {
        this.connection = connection;
        this.statement = statement;
        this.next = firstParameter;
    }

    /** Binds the next parameter to {@code values} as an array of PostgreSQL type {@code type} (text, uuid, int8…). */
    ArrayParameters add(String type, Object[] values) throws SQLException {
        Array array = connection.createArrayOf(type, values);
        arrays.add(array);
        statement.setArray(next++, array);
        return this;
    }

    @Override
    public void close() throws SQLException {
        for (Array array : arrays) {
            array.free();
        }
    }
}
