package dev.swipeloop.bench;

import dev.swipeloop.plugins.postgres.PostgresStorage;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.UuidV7;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One round of the PostgreSQL append benchmark: the same votes written twice into the votes
 * table of a freshly migrated plugin schema, in transactions of {@code batch} rows each:
 * <ul>
 *   <li><b>append</b>: {@link PostgresStorage#appendVotes}, exactly as the host's group commit
 *       calls it (pool; a statement that draws the app's seqs from its counter row, locked to
 *       commit, then COPY of the batch under them, expecting every vote new; durable commit), with the
 *       plugin's background fold of judged counts running meanwhile on the same server, as in
 *       production; what it has not folded when the appends end is folded at close, untimed;</li>
 *   <li><b>copy</b>: {@code COPY votes FROM STDIN} of the same rows with the seqs the append gave
 *       them, into an empty schema built by the same migrations (same table, same indexes), one
 *       COPY and commit per batch; and once more as one COPY of all rows in one transaction,
 *       PostgreSQL's ceiling for this table.</li>
 * </ul>
 * Which of the two goes first alternates with the round, so a warming cache favours neither.
 * Prints {@code RESULT append_rows_per_sec=… copy_rows_per_sec=… copy_one_tx_rows_per_sec=…
 * ratio=… wal_bytes_per_vote=… disk_bytes_per_vote=…}: the last two, of the append (write-ahead
 * log written, and the votes table with its indexes and the judged counts), are what sizes a
 * PostgreSQL server for a vote rate (docs/scaling.md).
 *
 * <p>Arguments: JDBC URL (a database the user may create schemas in), votes, rows per
 * transaction, round number.
 */
public final class AppendVersusCopy {
    private static final String APP = "bench";
    private static final int ITEMS = 1_000;
    private static final int RATERS = 10_000;

    private AppendVersusCopy() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int round = Integer.parseInt(args[3]);
        List<Vote> votes = votes(count, round);

        double append;
        double copy;
        double copyOneTx;
        if (round % 2 == 1) {
            append = append(url, votes, batch);
            copy = copy(url, votes, batch);
        } else {
            copy = copy(url, votes, batch);
            append = append(url, votes, batch);
        }
        copyOneTx = copy(url, votes, count);
        System.out.printf("RESULT append_rows_per_sec=%.0f copy_rows_per_sec=%.0f copy_one_tx_rows_per_sec=%.0f"
                + " ratio=%.3f wal_bytes_per_vote=%.0f disk_bytes_per_vote=%.0f%n", append, copy, copyOneTx,
                append / copy, walBytesPerVote, diskBytesPerVote);
    }

    /** Binary votes (the copy writes binary rows only) of 10,000 raters on 1,000 items, UUIDv7 ids, seqs 1…n (what a fresh schema's append gives). */
    private static List<Vote> votes(int count, long seed) {
        Random random = new Random(seed);
        Verdict[] verdicts = Verdict.values();
        Instant now = Instant.now();
        List<Vote> votes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Judgement judgement = new Judgement.Binary("item-" + random.nextInt(ITEMS),
                    verdicts[random.nextInt(verdicts.length)]);
            votes.add(new Vote(UuidV7.next(), APP, "rater-" + random.nextInt(RATERS), "session-" + (i / 20), judgement,
                    300 + random.nextInt(3_000), now, i + 1L, now, false));
        }
        return votes;
    }

    /** What the append cost the server beyond time: bytes of WAL and of disk per vote. */
    private static double walBytesPerVote;
    private static double diskBytesPerVote;

    private static double append(String url, List<Vote> votes, int batch) throws SQLException {
        String schema = freshSchema(url, "bench_append");
        PostgresStorage storage = start(url, schema);
        try (Connection admin = connect(url, schema); Statement sizes = admin.createStatement()) {
            String walBefore = single(sizes, "SELECT pg_current_wal_lsn()::text");
            long started = System.nanoTime();
            for (int from = 0; from < votes.size(); from += batch) {
                AppendResult result = storage.appendVotes(votes.subList(from, Math.min(votes.size(), from + batch)));
                if (result.accepted() != result.size()) {
                    throw new IllegalStateException("the append stored " + result.accepted() + " of " + result.size());
                }
            }
            double rate = votes.size() / seconds(started);
            walBytesPerVote = Double.parseDouble(single(sizes, "SELECT pg_current_wal_lsn() - '" + walBefore
                    + "'::pg_lsn")) / votes.size();
            diskBytesPerVote = Double.parseDouble(single(sizes, "SELECT pg_total_relation_size('votes')"
                    + " + pg_total_relation_size('judged_counts')")) / votes.size();
            return rate;
        } finally {
            storage.close();
            dropSchema(url, schema);
        }
    }

    private static double copy(String url, List<Vote> votes, int batch) throws SQLException, IOException {
        String schema = freshSchema(url, "bench_copy");
        start(url, schema).close(); // the plugin's migrations build the very same table and indexes
        try (Connection connection = connect(url, schema)) {
            connection.setAutoCommit(false);
            PGConnection pg = connection.unwrap(PGConnection.class);
            String sql = "COPY votes (seq, app_id, id, rater, session, kind, item, right_item, answer, dwell_ms,"
                    + " client_ts, received_at, verified) FROM STDIN";
            long started = System.nanoTime();
            for (int from = 0; from < votes.size(); from += batch) {
                String rows = copyText(votes.subList(from, Math.min(votes.size(), from + batch)));
                pg.getCopyAPI().copyIn(sql, new StringReader(rows));
                connection.commit();
            }
            return votes.size() / seconds(started);
        } finally {
            dropSchema(url, schema);
        }
    }

    /** COPY's text format; building it is timed too, as binding the arrays is for the append. */
    private static String copyText(List<Vote> votes) {
        StringBuilder text = new StringBuilder(votes.size() * 160);
        for (Vote vote : votes) {
            Judgement.Binary judged = (Judgement.Binary) vote.judgement();
            text.append(vote.seq()).append('\t').append(vote.appId()).append('\t').append(vote.id()).append('\t')
                    .append(vote.rater()).append('\t').append(vote.session()).append('\t')
                    .append(judged.kind().wire()).append('\t').append(judged.item()).append("\t\\N\t")
                    .append(judged.verdict().wire())
                    .append('\t').append(vote.dwellMs()).append('\t').append(micros(vote.clientTs())).append('\t')
                    .append(micros(vote.receivedAt())).append('\t').append(vote.verified() ? 't' : 'f').append('\n');
        }
        return text.toString();
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    private static PostgresStorage start(String url, String schema) {
        PostgresStorage storage = new PostgresStorage();
        storage.start(new TestPluginContext("storage-postgres", Path.of("unused"), "postgres"),
                storage.configSpec().parse(Map.of("jdbcUrl", url, "schema", schema)));
        storage.createApp(new App(APP, "bench", List.of("http://bench.local"), "pk_bench", "hash", "ss_bench",
                Instant.now()));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(new Item(APP, "item-" + i, "https://img.example/" + i + ".png",
                    new Provenance("p" + i / 4, null, "m" + i % 3, null, null, null), null, null, Instant.now()));
        }
        storage.upsertItems(items);
        return storage;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (var row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String freshSchema(String url, String schema) throws SQLException {
        dropSchema(url, schema);
        return schema;
    }

    private static void dropSchema(String url, String schema) throws SQLException {
        try (Connection connection = connect(url, null); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Connection connect(String url, String schema) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        if (source.getUser() == null) {
            source.setUser("postgres");
        }
        if (schema != null) {
            source.setCurrentSchema(schema);
        }
        return source.getConnection();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
