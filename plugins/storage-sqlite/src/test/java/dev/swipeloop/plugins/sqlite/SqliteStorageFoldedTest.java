package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Rater;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.reward.LeaderboardRow;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.ItemPool;
import dev.swipeloop.sdk.storage.StorageBackend;
import dev.swipeloop.sdk.storage.StorageBackendContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The storage contract with every vote folded as soon as it is appended: every read works
 * from rater_votes and the stored judged counts alone, with no tail.
 */
class SqliteStorageFoldedTest extends StorageBackendContract {

    @Override
    protected StorageBackend open(Path dataDir) {
        SqliteStorage storage = new SqliteStorage();
        storage.start(new TestPluginContext("storage-sqlite", dataDir, "sqlite"), storage.configSpec().parse(Map.of()));
        return new FoldingAtOnce(storage);
    }

    /**
     * Delegates everything, the interface's default methods too (they would otherwise answer in
     * place of the plugin's); folds what is left after each append, before it returns.
     */
    private record FoldingAtOnce(SqliteStorage storage) implements StorageBackend {
        @Override
        public AppendResult appendVotes(List<Vote> votes) {
            AppendResult result = storage.appendVotes(votes);
            storage.indexer().catchUp();
            return result;
        }

        @Override
        public String id() {
            return storage.id();
        }

        @Override
        public ConfigSpec configSpec() {
            return storage.configSpec();
        }

        @Override
        public void start(PluginContext context, Config config) {
            storage.start(context, config);
        }

        @Override
        public void close() {
            storage.close();
        }

        @Override
        public void createApp(App app) {
            storage.createApp(app);
        }

        @Override
        public Optional<App> app(String appId) {
            return storage.app(appId);
        }

        @Override
        public List<App> apps() {
            return storage.apps();
        }

        @Override
        public int upsertItems(List<Item> items) {
            return storage.upsertItems(items);
        }

        @Override
        public Optional<Item> item(String appId, String itemId) {
            return storage.item(appId, itemId);
        }

        @Override
        public Map<String, Item> items(String appId, Collection<String> itemIds) {
            return storage.items(appId, itemIds);
        }

        @Override
        public Map<String, Long> judgements(String appId, Collection<String> itemIds) {
            return storage.judgements(appId, itemIds);
        }

        @Override
        public long lastSeq(String appId) {
            return storage.lastSeq(appId);
        }

        @Override
        public List<Vote> votesAfter(String appId, long afterSeq, int limit) {
            return storage.votesAfter(appId, afterSeq, limit);
        }

        @Override
        public List<Item> deck(String appId, String rater, VoteKind kind, int limit) {
            return storage.deck(appId, rater, kind, limit);
        }

        @Override
        public AppStats stats(String appId) {
            return storage.stats(appId);
        }

        @Override
        public Optional<Rater> rater(String appId, String raterId) {
            return storage.rater(appId, raterId);
        }

        @Override
        public long deleteRater(String appId, String raterId) {
            return storage.deleteRater(appId, raterId);
        }

        @Override
        public List<LedgerEntry> appendLedger(List<LedgerEntry> entries) {
            return storage.appendLedger(entries);
        }

        @Override
        public List<LedgerEntry> ledger(String appId, String raterId) {
            return storage.ledger(appId, raterId);
        }

        @Override
        public OptionalLong exportCursor(String appId, String name) {
            return storage.exportCursor(appId, name);
        }

        @Override
        public void saveExportCursor(String appId, String name, long seq) {
            storage.saveExportCursor(appId, name, seq);
        }

        @Override
        public List<Item> deck(String appId, String rater, VoteKind kind, int limit, ItemPool pool) {
            return storage.deck(appId, rater, kind, limit, pool);
        }

        @Override
        public Map<String, String> appSettings(String appId) {
            return storage.appSettings(appId);
        }

        @Override
        public void updateAppSettings(String appId, Map<String, String> put, Collection<String> remove) {
            storage.updateAppSettings(appId, put, remove);
        }

        @Override
        public long ledgerCursor(String appId, String name) {
            return storage.ledgerCursor(appId, name);
        }

        @Override
        public List<LedgerEntry> appendLedger(List<LedgerEntry> entries, String appId, String cursor, long from,
                                              long to) {
            return storage.appendLedger(entries, appId, cursor, from, to);
        }

        @Override
        public void saveLedgerCursor(String appId, String name, long seq) {
            storage.saveLedgerCursor(appId, name, seq);
        }

        @Override
        public List<LedgerEntry> ledgerAfter(String appId, long afterSeq, int limit) {
            return storage.ledgerAfter(appId, afterSeq, limit);
        }

        @Override
        public long ledgerPointsSince(String appId, Instant since) {
            return storage.ledgerPointsSince(appId, since);
        }

        @Override
        public List<LeaderboardRow> leaderboard(String appId, Instant since, Instant vestedBy, int limit) {
            return storage.leaderboard(appId, since, vestedBy, limit);
        }

        @Override
        public void updateApp(App app) {
            storage.updateApp(app);
        }

        @Override
        public void replaceSigningSecret(String appId, String signingSecret) {
            storage.replaceSigningSecret(appId, signingSecret);
        }

        @Override
        public Optional<RaterProfile> raterProfile(String appId, String rater) {
            return storage.raterProfile(appId, rater);
        }

        @Override
        public void saveRaterProfile(RaterProfile profile) {
            storage.saveRaterProfile(profile);
        }

        @Override
        public List<Item> itemsAfter(String appId, String afterId, int limit) {
            return storage.itemsAfter(appId, afterId, limit);
        }

        @Override
        public List<RaterProfile> raterProfilesAfter(String appId, String afterRater, int limit) {
            return storage.raterProfilesAfter(appId, afterRater, limit);
        }

        @Override
        public Map<String, Long> exportCursors(String appId) {
            return storage.exportCursors(appId);
        }

        @Override
        public Map<String, Long> ledgerCursors(String appId) {
            return storage.ledgerCursors(appId);
        }

        @Override
        public void restoreVotes(List<Vote> votes) {
            storage.restoreVotes(votes);
            storage.indexer().catchUp();
        }

        @Override
        public void restoreLedger(List<LedgerEntry> entries) {
            storage.restoreLedger(entries);
        }

        @Override
        public long erasures(String appId) {
            return storage.erasures(appId);
        }

        @Override
        public boolean tryLease(String appId, String name, String holder, Instant now, Instant until) {
            return storage.tryLease(appId, name, holder, now, until);
        }

        @Override
        public void releaseLease(String appId, String name, String holder) {
            storage.releaseLease(appId, name, holder);
        }

        @Override
        public Map<String, String> leases(String appId, String prefix, Instant now) {
            return storage.leases(appId, prefix, now);
        }
    }
}
