package dev.swipeloop.plugins.imagefolder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code metadata.jsonl} back with DuckDB, an independent JSON Lines reader. */
final class DuckDb {

    private DuckDb() {
    }

    /** Column name to DuckDB type, in file order, as {@code read_json} infers them. */
    static Map<String, String> columns(Path jsonl) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + readJson(jsonl))) {
            while (rs.next()) {
                columns.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return columns;
    }

    /** Every row, every column, in file order. */
    static List<List<Object>> rows(Path jsonl) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT * FROM " + readJson(jsonl))) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Strict JSON Lines, as imagefolder reads it: one object per line, no arrays, no pretty-printing. */
    private static String readJson(Path jsonl) {
        return "read_json('" + jsonl.toString().replace("'", "''") + "', format = 'newline_delimited')";
    }
}
