package dev.swipeloop.host.hosts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one database the hosts of a test share: a fresh schema on the test PostgreSQL server
 * (127.0.0.1:5432, database {@code test}, user postgres; {@code -Dswipeloop.test.postgres.url}
 * points elsewhere), dropped when the test ends.
 */
final class SharedDatabase implements AutoCloseable {
    private static final String URL = System.getProperty("swipeloop.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String schema = "test_twohosts_" + UUID.randomUUID().toString().substring(0, 8);

    /** The storage flags every process of the test gets. */
    List<String> flags() {
        return List.of("--storage", "postgres", "--jdbc-url", URL, "--plugin.postgres.schema", schema);
    }

    @Override
    public void close() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(URL);
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
