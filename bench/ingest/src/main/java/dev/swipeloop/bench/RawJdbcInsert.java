package dev.swipeloop.bench;

import dev.swipeloop.plugins.sqlite.RaterIndexSql;
import dev.swipeloop.plugins.sqlite.SqliteStorage;
import dev.swipeloop.plugins.sqlite.VoteSql;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.storage.UuidV7;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The baseline for batched ingestion: the plugin creates its schema (so it is the very same
 * one), then plain JDBC inserts ROWS votes with the plugin's own INSERT statement, BATCH rows
 * per durable transaction (0: all in one), on one connection with the plugin's pragmas (WAL,
 * synchronous=FULL). No HTTP, no JSON, no seq bookkeeping.
 *
 * <p>With {@code fold}, each transaction also folds its rows into the per-rater index and the
 * judged counts with the plugin's own statements ({@link RaterIndexSql}), so the database ends
 * in the same state the host leaves; without it only the {@code votes} table is written.
 *
 * <p>Usage: RawJdbcInsert DB_FILE ROWS BATCH ITEMS [fold] — prints one RESULT line.
 */
public final class RawJdbcInsert {
    private static final String APP = "bench";
    private static final String[] VERDICTS = {"like", "dislike", "like", "skip"};

    private RawJdbcInsert() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]).toAbsolutePath();
        long rows = Long.parseLong(args[1]);
        int batch = Integer.parseInt(args[2]);
        int items = Integer.parseInt(args[3]);
        boolean fold = args.length > 4 && args[4].equals("fold");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        createSchema(db, items);

        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + db);
        Random random = new Random(42);
        long start = System.nanoTime();
        try (Connection connection = source.getConnection();
             Statement tx = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(VoteSql.INSERT);
             PreparedStatement foldRaters = connection.prepareStatement(RaterIndexSql.FOLD_RATER_VOTES);
             PreparedStatement foldCounts = connection.prepareStatement(RaterIndexSql.FOLD_COUNTS);
             PreparedStatement advance = connection.prepareStatement(RaterIndexSql.ADVANCE)) {
            connection.setAutoCommit(true);
            long perTransaction = batch == 0 ? rows : batch;
            long seq = 0;
            while (seq < rows) {
                tx.execute("BEGIN IMMEDIATE");
                long first = seq;
                long end = Math.min(rows, seq + perTransaction);
                int pending = 0;
                for (; seq < end; seq++) {
                    bind(insert, seq + 1, random, items);
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
                if (fold) {
                    for (PreparedStatement step : List.of(foldRaters, foldCounts)) {
                        step.setLong(1, first);
                        step.setLong(2, end);
                        step.executeUpdate();
                    }
                    advance.setLong(1, end);
                    advance.executeUpdate();
                }
                tx.execute("COMMIT");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT rows_per_sec=%.0f rows=%d batch=%d fold=%b seconds=%.3f%n", rows / seconds, rows, batch,
                fold, seconds);
    }

    private static void bind(PreparedStatement insert, long seq, Random random, int items) throws Exception {
        UUID id = UuidV7.next();
        long now = Instant.now().toEpochMilli() * 1000;
        insert.setLong(1, seq);
        insert.setString(2, APP);
        insert.setBytes(3, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
        insert.setString(4, "r-" + random.nextInt(10_000));
        insert.setString(5, "s-1");
        insert.setString(6, "binary");
        insert.setString(7, "item-" + random.nextInt(items));
        insert.setNull(8, java.sql.Types.VARCHAR);
        insert.setString(9, VERDICTS[random.nextInt(VERDICTS.length)]);
        insert.setInt(10, 200 + random.nextInt(3800));
        insert.setNull(11, java.sql.Types.INTEGER);
        insert.setLong(12, now);
    }

    /** Lets the plugin build its schema and the same items the host benchmark uses. */
    private static void createSchema(Path db, int items) {
        SqliteStorage storage = new SqliteStorage();
        PluginContext context = new PluginContext() {
            @Override public String pluginId() { return "storage-sqlite"; }
            @Override public String hostVersion() { return "bench"; }
            @Override public Path dataDirectory() { return db.getParent(); }
            @Override public String settingName(String key) { return key; }
        };
        storage.start(context, storage.configSpec().parse(Map.of("path", db.toString())));
        try {
            storage.createApp(new App(APP, "bench", List.of("http://bench.local"), "pk_bench", "0", "ss", Instant.now()));
            List<Item> rows = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                rows.add(new Item(APP, "item-" + i, "https://img.example/" + i + ".png",
                        new Provenance("p" + i / 4, null, "m" + i % 3, null, null, null), null, null, Instant.now()));
            }
            storage.upsertItems(rows);
        } finally {
            storage.close();
        }
    }
}
