package dev.swipeloop.plugins.pickapic;

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
 * Reads an export back with DuckDB, a Parquet reader that shares no code with parquet-java.
 * In SQL, {@code $file} stands for {@code read_parquet('<file>')}'s argument: the quoted path.
 */
final class ParquetReadBack {
    private ParquetReadBack() {
    }

    /** {@code DESCRIBE} of the file: "column TYPE", in file order. */
    static List<String> describe(Path file) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (Map<String, Object> row : query(file, "DESCRIBE SELECT * FROM read_parquet($file)")) {
            columns.add(row.get("column_name") + " " + row.get("column_type"));
        }
        return columns;
    }

    /** Every row of {@code sql}, each as column name → JDBC value, in result order. */
    static List<Map<String, Object>> query(Path file, String sql) throws SQLException {
        String quoted = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql.replace("$file", quoted))) {
            ResultSetMetaData meta = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** All rows of the file, ordered by {@code ranking_id}. */
    static List<Map<String, Object>> rows(Path file) throws SQLException {
        return query(file, "SELECT * FROM read_parquet($file) ORDER BY ranking_id");
    }
}
