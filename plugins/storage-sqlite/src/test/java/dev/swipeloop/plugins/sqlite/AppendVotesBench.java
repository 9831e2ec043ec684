package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.storage.UuidV7;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: times {@link SqliteStorage#appendVotes} from one thread, as the host's
 * group-commit thread calls it, through the public API only (so it runs against any version
 * of the plugin). Prints throughput, per-call latency and, after the run, the latency of a
 * deck read and of {@code close()}.
 *
 * <p>Usage (from the repository root, after {@code mvn -q -B -DskipTests package}):
 * <pre>java -Xmx256m -cp "plugins/storage-sqlite/target/classes:plugins/storage-sqlite/target/test-classes:\
 * bench/ingest/target/lib/*" dev.swipeloop.plugins.sqlite.AppendVotesBench DB_FILE CALLS BATCH ITEMS [KEY=VALUE…]</pre>
 * The optional KEY=VALUE pairs are plugin settings, e.g. {@code indexBatchVotes=512}.
 */
public final class AppendVotesBench {
    private static final String APP = "bench";
    private static final int RATERS = 10_000;
    private static final int WARM_UP_CALLS = 200;
    private static final Verdict[] VERDICTS = {Verdict.LIKE, Verdict.DISLIKE, Verdict.LIKE, Verdict.SKIP};

    private AppendVotesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]).toAbsolutePath();
        int calls = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int items = Integer.parseInt(args[3]);
        Files.createDirectories(db.getParent());
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        Map<String, String> settings = new java.util.HashMap<>(Map.of("path", db.toString()));
        for (int i = 4; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            settings.put(setting[0], setting[1]);
        }
        SqliteStorage storage = new SqliteStorage();
        storage.start(new TestPluginContext("storage-sqlite", db.getParent(), "sqlite"),
                storage.configSpec().parse(settings));
        storage.createApp(new App(APP, "bench", List.of("http://bench.local"), "pk", "0", "ss", Instant.now()));
        List<Item> catalogue = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            catalogue.add(new Item(APP, "item-" + i, "https://img.example/" + i + ".png", Provenance.NONE, null, null,
                    Instant.now()));
        }
        storage.upsertItems(catalogue);

        Random random = new Random(42);
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            storage.appendVotes(votes(random, batch, items));
        }
        long[] nanos = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            List<Vote> votes = votes(random, batch, items);
            long t0 = System.nanoTime();
            storage.appendVotes(votes);
            nanos[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long[] deckNanos = new long[200];
        for (int i = 0; i < deckNanos.length; i++) {
            long t0 = System.nanoTime();
            storage.deck(APP, "r-" + random.nextInt(RATERS), i % 2 == 0 ? VoteKind.BINARY : VoteKind.PAIR, 20);
            deckNanos[i] = System.nanoTime() - t0;
        }
        long closeStart = System.nanoTime();
        storage.close();
        double closeMs = (System.nanoTime() - closeStart) / 1e6;

        Arrays.sort(nanos);
        Arrays.sort(deckNanos);
        System.out.printf("RESULT votes_per_sec=%.0f calls=%d batch=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d"
                        + " deck_p50_us=%d deck_p99_us=%d close_ms=%.1f wal_bytes=%d%n",
                (double) calls * batch / seconds, calls, batch, percentile(nanos, 0.50) / 1000,
                percentile(nanos, 0.99) / 1000, percentile(nanos, 0.999) / 1000, nanos[nanos.length - 1] / 1000, percentile(deckNanos, 0.50) / 1000,
                percentile(deckNanos, 0.99) / 1000, closeMs, walBytes(db));
    }

    /** Four in five binary, one in five a pair, from 10,000 raters over the catalogue. */
    private static List<Vote> votes(Random random, int batch, int items) {
        List<Vote> votes = new ArrayList<>(batch);
        Instant now = Instant.now();
        for (int i = 0; i < batch; i++) {
            String rater = "r-" + random.nextInt(RATERS);
            Judgement judgement = random.nextInt(5) == 0
                    ? new Judgement.Pair("item-" + random.nextInt(items), "item-" + random.nextInt(items), Choice.LEFT)
                    : new Judgement.Binary("item-" + random.nextInt(items), VERDICTS[random.nextInt(VERDICTS.length)]);
            votes.add(new Vote(UuidV7.next(), APP, rater, "s-1", judgement, 200 + random.nextInt(3800), null, 0, now));
        }
        return votes;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long walBytes(Path db) throws Exception {
        Path wal = Path.of(db + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }
}
