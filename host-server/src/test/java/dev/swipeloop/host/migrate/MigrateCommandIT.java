package dev.swipeloop.host.migrate;

import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.instant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.HostVersion;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.host.plugin.LoadedPlugins;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.HostProcess;
import dev.swipeloop.host.testing.StorageContents;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.storage.StorageBackend;
import dev.swipeloop.sdk.storage.StorageFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code swipeloop migrate} as a user runs it, in its own JVM from the built distribution, on a
 * SQLite data directory seeded through the storage API with every kind of row. The test then
 * reads both sides back itself, through the storage API, rather than trusting the tool's report.
 */
class MigrateCommandIT {
    private static final String A = "app-a";
    private static final String B = "app-b";
    /** The test server (trust auth, user postgres); the tool and the test reach it through the postgres plugin. */
    private static final String POSTGRES = System.getProperty("swipeloop.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");

    @TempDir
    Path dir;
    Path plugins;
    Path source;
    Seeded seeded;

    /** What the seed left where a copy could get it wrong. */
    record Seeded(long nightlyCursor, long webhooksCursor, long votes) {
    }

    @BeforeEach
    void seedASqliteDataDirectory() {
        plugins = Dist.copyPlugins(dir.resolve("plugins"));
        source = dir.resolve("old-data");
        try (LoadedPlugins loaded = sqlite(source)) {
            seeded = seed(loaded.storage());
        }
    }

    @Test
    void copiesEveryRowFromSqliteToSqliteAndTheCopyReadsBackTheSame() {
        Path target = dir.resolve("new-data");
        HostProcess run = migrate("--from", "sqlite:" + source, "--to", "sqlite:" + target);
        assertEquals(0, run.waitFor(Duration.ofSeconds(1)), run.stderr());
        assertReportedSame(run);
        assertCopied(() -> sqlite(target));
    }

    /** The move the issue is about, into a fresh schema of database test that is dropped afterwards. */
    @Test
    void copiesEveryRowFromSqliteToPostgresAndTheCopyReadsBackTheSame() throws SQLException {
        String schema = "migrate_it_" + ProcessHandle.current().pid();
        dropSchema(schema);
        try {
            HostProcess run = migrate("--from", "sqlite:" + source, "--to", "postgres:" + POSTGRES, "--to-schema", schema);
            assertEquals(0, run.waitFor(Duration.ofSeconds(1)), run.stderr());
            assertReportedSame(run);
            assertCopied(() -> postgres(schema));
        } finally {
            dropSchema(schema);
        }
    }

    @Test
    void aTargetThatHoldsAnAppIsRefusedAndLeftAsItWas() {
        Path busy = dir.resolve("busy-data");
        Map<String, Object> before;
        try (LoadedPlugins loaded = sqlite(busy)) {
            loaded.storage().createApp(StorageFixtures.app("already-here"));
            loaded.storage().appendVotes(List.of(binaryVote("already-here", "zed", "i0")));
            before = StorageContents.of(loaded.storage());
        }

        HostProcess run = migrate("--from", "sqlite:" + source, "--to", "sqlite:" + busy);

        assertEquals(1, run.waitFor(Duration.ofSeconds(1)), run.stderr());
        assertTrue(run.stderr().contains("already holds 1 app(s) (already-here)")
                && run.stderr().contains("nothing was written"), run.stderr());
        try (LoadedPlugins loaded = sqlite(busy)) {
            assertEquals(before, StorageContents.of(loaded.storage()));
        }
    }

    @Test
    void verifyOnlyReportsATargetRowChangedAfterTheCopy() {
        Path target = dir.resolve("new-data");
        assertEquals(0, migrate("--from", "sqlite:" + source, "--to", "sqlite:" + target).waitFor(Duration.ofSeconds(1)));
        try (LoadedPlugins loaded = sqlite(target)) {
            Item item = loaded.storage().item(A, "img7").orElseThrow();
            Provenance p = item.provenance();
            loaded.storage().upsertItems(List.of(new Item(A, item.id(), item.imageUrl(), new Provenance(p.prompt() + "!",
                    p.negativePrompt(), p.model(), p.modelVersion(), p.seed(), p.paramsJson()), item.group(), item.gold(),
                    item.updatedAt())));
        }

        HostProcess run = migrate("--from", "sqlite:" + source, "--to", "sqlite:" + target, "--verify-only");

        assertEquals(1, run.waitFor(Duration.ofSeconds(1)), run.stderr());
        assertTrue(run.stderr().contains("differs from sqlite:" + source + " in: items"), run.stderr());
        List<String> differing = run.stdout().lines().filter(line -> line.endsWith("DIFFERS")).toList();
        assertEquals(1, differing.size(), run.stdout());
        assertTrue(differing.get(0).matches("items +47 +47 +DIFFERS"), differing.get(0));
    }

    /** Both sides read back alike, and the copy goes on as the source would have. */
    private void assertCopied(Supplier<LoadedPlugins> openTarget) {
        try (LoadedPlugins from = sqlite(source); LoadedPlugins to = openTarget.get()) {
            StorageBackend old = from.storage();
            StorageBackend copy = to.storage();
            Map<String, Object> expected = StorageContents.of(old);
            assertEquals(expected.keySet(), StorageContents.of(copy).keySet());
            expected.forEach((what, rows) -> assertEquals(rows, StorageContents.of(copy).get(what), what));
            assertEquals(seeded.votes(), ((List<?>) expected.get(A + "/votes")).size() + ((List<?>) expected
                    .get(B + "/votes")).size(), "the seed is all there");

            for (String rater : List.of("rater0", "rater1", "newcomer")) {
                assertEquals(deckIds(old, rater), deckIds(copy, rater), rater + "'s deck: the copy knows what they judged");
            }
            long next = copy.appendVotes(List.of(binaryVote(A, "after", "img0"))).seq(0);
            assertTrue(next > seeded.nightlyCursor(), "vote seq " + next + " must come after the nightly export's "
                    + seeded.nightlyCursor() + ", or that export would skip it");
            long nextEntry = copy.appendLedger(List.of(new LedgerEntry(A, "after", "points", 1, "vote accepted", null,
                    instant(), 0))).get(0).seq();
            assertTrue(nextEntry > seeded.webhooksCursor(), "ledger seq " + nextEntry + " must come after the webhook"
                    + " cursor's " + seeded.webhooksCursor());
        }
    }

    private static void assertReportedSame(HostProcess run) {
        List<String> lines = run.stdout().lines().toList();
        assertEquals(List.of("table", "apps", "app settings", "items", "votes", "ledger", "ledger cursors",
                "export cursors", "rater profiles"), lines.stream().map(l -> l.split(" {2,}")[0].trim()).toList(),
                run.stdout());
        assertTrue(lines.stream().skip(1).allMatch(line -> line.endsWith("  ok")), run.stdout());
        assertTrue(lines.get(3).matches("items +47 +47 +ok"), lines.get(3));
        assertTrue(run.stderr().contains("] 100%"), "a progress line: " + run.stderr());
    }

    private static Set<String> deckIds(StorageBackend storage, String rater) {
        return storage.deck(A, rater, VoteKind.BINARY, 100).stream().map(Item::id).collect(Collectors.toSet());
    }

    private HostProcess migrate(String... args) {
        List<String> command = new ArrayList<>(List.of("migrate", "--plugins-dir", plugins.toString()));
        command.addAll(List.of(args));
        HostProcess process = HostProcess.launch(dir.resolve("logs"), command);
        process.waitFor(Duration.ofSeconds(180));
        return process;
    }

    private LoadedPlugins sqlite(Path data) {
        return LoadedPlugins.load(plugins, data, HostVersion.get(), "sqlite",
                new SettingSources(Map.of(), Map.of(), Map.of()));
    }

    private LoadedPlugins postgres(String schema) {
        return LoadedPlugins.load(plugins, dir.resolve("data"), HostVersion.get(), "postgres", new SettingSources(Map.of(),
                Map.of(), Map.of("plugin.postgres.jdbcUrl", POSTGRES, "plugin.postgres.schema", schema)));
    }

    private static void dropSchema(String schema) throws SQLException {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setUrl(POSTGRES);
        if (server.getUser() == null) {
            server.setUser("postgres");
        }
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /**
     * Two apps, one with settings; plain and gold items with and without provenance; 2,630 binary and
     * pair votes (more than one copy page), some verified, with and without dwell and client time;
     * ledger entries with and without vesting and vote, paid through the rewards cursor; export and
     * webhook cursors; profiles listed or not, with and without a name; and two erased raters, one
     * early (a gap between seqs) and one newest, erased after the export and the webhooks had
     * passed their seqs.
     */
    private static Seeded seed(StorageBackend storage) {
        storage.createApp(StorageFixtures.app(A));
        storage.createApp(StorageFixtures.app(B));
        storage.updateAppSettings(A, Map.of("ranking.z", "2.576", "deck.goldEvery", "7"), List.of());

        List<Item> items = new ArrayList<>(StorageFixtures.items(A, "img", 40));
        items.add(StorageFixtures.goldItem(A, "Gold-like", Verdict.LIKE));
        items.add(StorageFixtures.goldItem(A, "gold-dislike", Verdict.DISLIKE));
        storage.upsertItems(items);
        storage.upsertItems(StorageFixtures.items(B, "b", 5));

        long votes = 0;
        storage.appendVotes(List.of(binaryVote(A, "early-leaver", "img1"), binaryVote(A, "early-leaver", "img2")));
        for (int call = 0; call < 13; call++) {
            List<Vote> batch = new ArrayList<>();
            for (Vote vote : StorageFixtures.mixedVotes(A, 200, call)) {
                batch.add(vote.withVerified(batch.size() % 3 == 0));
            }
            storage.appendVotes(batch);
            votes += batch.size();
        }
        storage.appendVotes(StorageFixtures.mixedVotes(B, 30, 0));
        votes += 30;
        storage.deleteRater(A, "early-leaver");

        List<Vote> some = StorageContents.votes(storage, A).subList(0, 4);
        List<LedgerEntry> paid = List.of(
                new LedgerEntry(A, some.get(0).rater(), "points", 5, "vote accepted", some.get(0).id(), instant(), 0),
                new LedgerEntry(A, some.get(1).rater(), "quality", 3, "vote accepted", some.get(1).id(), instant(), 0,
                        instant().plus(Duration.ofDays(7))),
                new LedgerEntry(A, some.get(2).rater(), "points", 10, "streak bonus", null, instant(), 0),
                new LedgerEntry(A, some.get(3).rater(), "points", -5, "clawback", some.get(3).id(), instant(), 0));
        storage.appendLedger(paid, A, "rewards", 0, some.get(3).seq());
        storage.appendLedger(List.of(new LedgerEntry(B, "rater0", "points", 1, "vote accepted", null, instant(), 0)));

        storage.saveRaterProfile(new RaterProfile(A, "rater0", "Zero", true, instant()));
        storage.saveRaterProfile(new RaterProfile(A, "rater1", null, false, instant()));
        storage.saveRaterProfile(new RaterProfile(B, "rater2", "Two", true, instant()));
        storage.saveExportCursor(A, "weekly", some.get(2).seq());

        Vote last = binaryVote(A, "leaver", "img3");
        long lastSeq = storage.appendVotes(List.of(last)).seq(0);
        List<LedgerEntry> leaversPay = storage.appendLedger(List.of(
                new LedgerEntry(A, "leaver", "points", 5, "vote accepted", last.id(), instant(), 0)));
        storage.saveRaterProfile(new RaterProfile(A, "leaver", "Gone soon", true, instant()));
        storage.saveExportCursor(A, "nightly", lastSeq);
        storage.saveLedgerCursor(A, "webhooks", leaversPay.get(0).seq());
        storage.deleteRater(A, "leaver");
        return new Seeded(lastSeq, leaversPay.get(0).seq(), votes);
    }
}
