package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.plugin.TestPluginContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Schemas on the test server (127.0.0.1:5432, database {@code test}, user postgres, trust auth;
 * {@code -Dswipeloop.test.postgres.url} points elsewhere), one per data directory a contract
 * test opens, so every test starts empty and a reopen finds its data. A test class owns one
 * instance and drops every schema it made when it ends. Names carry a random part per
 * instance, so two test runs on one server at once never share a schema.
 */
final class TestSchemas {
    static final String URL = System.getProperty("swipeloop.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

    private final String prefix;
    private final Map<Path, String> byDataDir = new HashMap<>();
    private final Set<String> made = new LinkedHashSet<>();

    /** {@code prefix}: a short lower-case name for the test class, so schemas left by a killed run are recognisable. */
    TestSchemas(String prefix) {
        this.prefix = "test_" + prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + "_";
    }

    /** The schema of this data directory: new and empty the first time, the same one after. */
    synchronized String schemaFor(Path dataDir) {
        return byDataDir.computeIfAbsent(dataDir, dir -> fresh());
    }

    /** A schema name nobody has used yet. */
    synchronized String fresh() {
        String schema = prefix + made.size();
        made.add(schema);
        return schema;
    }

    synchronized void dropAll() {
        made.forEach(TestSchemas::drop);
        made.clear();
        byDataDir.clear();
    }

    /** A started storage on {@code schema}, with {@code settings} on top of the test server's URL. */
    static PostgresStorage start(String schema, Map<String, String> settings) {
        return start(new PostgresStorage(), schema, settings);
    }

    /** A started storage on {@code schema} whose background folder works as {@code folding} says. */
    static PostgresStorage start(String schema, VoteFolder.Tuning folding) {
        return start(new PostgresStorage(folding), schema, Map.of());
    }

    private static PostgresStorage start(PostgresStorage storage, String schema, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("jdbcUrl", URL, "schema", schema));
        all.putAll(settings);
        storage.start(new TestPluginContext("storage-postgres", Path.of("unused"), "postgres"),
                storage.configSpec().parse(all));
        return storage;
    }

    static PostgresStorage start(String schema) {
        return start(schema, Map.of());
    }

    /** A connection of the test server's superuser, outside any plugin. */
    static Connection admin() throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(URL);
        if (source.getUser() == null) {
            source.setUser("postgres");
        }
        return source.getConnection();
    }

    private static void drop(String schema) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
