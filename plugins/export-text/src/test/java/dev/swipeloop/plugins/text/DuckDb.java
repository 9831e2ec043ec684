package dev.swipeloop.plugins.text;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * The independent reader: an in-memory DuckDB that reads an export file back the way a user
 * would, so tests pin what readers infer (column names and types), not what the writer meant.
 */
final class DuckDb implements AutoCloseable {
    private final Connection connection;

    DuckDb() throws SQLException {
        connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    }

    /** Column name to DuckDB type of {@code select}, in column order ({@code DESCRIBE}). */
    Map<String, String> describe(String select) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("DESCRIBE " + select)) {
            while (result.next()) {
                columns.put(result.getString("column_name"), result.getString("column_type"));
            }
        }
        return columns;
    }

    /** Every row of {@code select}, values as JDBC objects. */
    List<List<Object>> rows(String select) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(select)) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The single value of a one-row, one-column {@code select}. */
    Object value(String select) throws SQLException {
        List<List<Object>> rows = rows(select);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + select + ", got " + rows);
        }
        return rows.get(0).get(0);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
