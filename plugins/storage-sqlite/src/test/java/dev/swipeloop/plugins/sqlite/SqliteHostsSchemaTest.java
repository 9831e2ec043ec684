package dev.swipeloop.plugins.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.StorageFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema v5 on SQLite: a v4 file upgrades in place to erasure counts and leases, and a vote
 * restored into a seq below the indexer's mark is folded at once.
 */
class SqliteHostsSchemaTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aVersion4DatabaseIsUpgradedInPlaceAndStartsCountingErasures() throws Exception {
        Path file = dataDir.resolve("v4.db");
        writeVersion4(file, List.of(StorageFixtures.binaryVote("old", "ann", "i0"),
                StorageFixtures.binaryVote("old", "ann", "i1")));

        try (SqliteStorage storage = startOn(file)) {
            assertEquals(2, storage.stats("old").votes(), "votes kept");
            assertEquals(0, storage.erasures("old"), "no erasure counted before v5");
            assertEquals(2, storage.deleteRater("old", "ann"));
            assertEquals(1, storage.erasures("old"));
            assertTrue(storage.tryLease("old", "webhooks", "host-a", NOW, NOW.plusSeconds(60)));
        }
        try (SqliteStorage storage = startOn(file)) {
            assertEquals(1, storage.erasures("old"));
            assertEquals(Map.of("webhooks", "host-a"), storage.leases("old", "", NOW));
        }
        try (Connection connection = DerivedState.open(file)) {
            assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.userVersion(connection));
        }
    }

    /** A copy restores a deleted rater's neighbours into a database whose indexer has gone past their seqs. */
    @Test
    void aVoteRestoredBelowTheIndexersMarkIsFoldedAtOnce() throws Exception {
        Path file = dataDir.resolve("gap.db");
        try (SqliteStorage storage = startOn(file)) {
            storage.createApp(StorageFixtures.app("app"));
            storage.upsertItems(List.of(StorageFixtures.item("app", "i0"), StorageFixtures.item("app", "i1")));
            Vote gone = StorageFixtures.binaryVote("app", "ann", "i0");
            AppendResult appended = storage.appendVotes(List.of(gone, StorageFixtures.binaryVote("app", "bob", "i0"),
                    StorageFixtures.pairVote("app", "bob", "i0", "i1", Choice.LEFT)));
            storage.deleteRater("app", "ann");
            storage.indexer().catchUp();
            assertEquals(appended.seq(2), DerivedState.indexedSeq(file));

            Vote back = gone.withSeq(appended.seq(0));
            storage.restoreVotes(List.of(back));

            DerivedState.assertConsistent(file);
            assertEquals(List.of("i1"), storage.deck("app", "ann", VoteKind.BINARY, 10).stream().map(Item::id).toList(),
                    "the restored vote counts as judged though the indexer will not fold it");
            assertEquals(back, storage.votesAfter("app", 0, 10).get(0));
        }
    }

    @Test
    void aVoteOrEntryWithoutASeqIsRefusedNamingTheSeq() {
        try (SqliteStorage storage = startOn(dataDir.resolve("seqless.db"))) {
            IllegalArgumentException vote = assertThrows(IllegalArgumentException.class,
                    () -> storage.restoreVotes(List.of(StorageFixtures.binaryVote("app", "ann", "i0"))));
            assertTrue(vote.getMessage().contains("has seq 0"), vote.getMessage());
            IllegalArgumentException entry = assertThrows(IllegalArgumentException.class,
                    () -> storage.restoreLedger(List.of(StorageFixtures.ledgerEntry("app", "ann", 1, null))));
            assertTrue(entry.getMessage().contains("has seq 0"), entry.getMessage());
        }
    }

    /** Schema v4 with one app and the votes, written with the v4 plugin's append statement. */
    private static void writeVersion4(Path file, List<Vote> votes) throws SQLException {
        try (Connection connection = DerivedState.open(file); Statement statement = connection.createStatement()) {
            for (String script : SchemaMigrations.SCRIPTS.subList(0, 4)) {
                statement.executeUpdate(SchemaMigrations.script(script));
            }
            statement.execute("PRAGMA user_version = 4");
            statement.executeUpdate("INSERT INTO apps (id, name, allowed_origins, publishable_key, secret_key_hash,"
                    + " signing_secret, created_at) VALUES ('old', 'Old app', '', 'pk_old', '00', 'ss_old', 0)");
            try (PreparedStatement insert = connection.prepareStatement(VoteSql.INSERT)) {
                for (int i = 0; i < votes.size(); i++) {
                    VoteRows.bind(insert, votes.get(i), i + 1, NOW);
                    insert.executeUpdate();
                }
            }
            statement.executeUpdate("UPDATE sequences SET last_value = " + votes.size() + " WHERE name = 'votes'");
        }
    }

    private SqliteStorage startOn(Path file) {
        SqliteStorage storage = new SqliteStorage();
        storage.start(new TestPluginContext("storage-sqlite", dataDir, "sqlite"),
                storage.configSpec().parse(Map.of("path", file.toString())));
        return storage;
    }
}
