package dev.swipeloop.host.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads export files back with DuckDB (in memory), a reader that shares no code with ours: if
 * DuckDB reads the columns, types and values we meant, so will pandas, Arrow and datasets.
 */
public final class Duck {
    private Duck() {
    }

    /** Every row of {@code sql}, column name to value, in order. */
    public static List<Map<String, Object>> rows(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rows.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError("DuckDB could not run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Column name to DuckDB type of what {@code source} reads, e.g. {@code read_parquet('x')}. */
    public static Map<String, String> columns(String source) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("DESCRIBE SELECT * FROM " + source)) {
            out.put((String) row.get("column_name"), (String) row.get("column_type"));
        }
        return out;
    }

    /** A path quoted for DuckDB SQL. */
    public static String quote(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
