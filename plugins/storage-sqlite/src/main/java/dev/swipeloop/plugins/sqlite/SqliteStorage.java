package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.PluginStartException;
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
import dev.swipeloop.sdk.reward.LeaderboardRow;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.ItemPool;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: one SQLite file in WAL mode with {@code synchronous=FULL}, so
 * a commit is on disk when it returns. Writes go through one connection under a lock (SQLite
 * has one writer at a time anyway); reads use a small pool beside it.
 *
 * <p>An append writes only the {@code votes} table, in rowid order. A background
 * {@link VoteIndexer} folds committed votes in large batches into a per-rater index and the
 * items' judged counts, and checkpoints the WAL, so neither costs the commit path. Reads stay
 * exact right after an append: they add the few not yet folded votes themselves.
 *
 * <p>Reward entries and the ledger cursor that paid for them are written in one write
 * transaction that first checks the cursor, so two hosts on one file never pay twice.
 */
@Extension
public final class SqliteStorage implements StorageBackend {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStorage.class);

    private final VoteIndexer.Tuning indexing;

    private SqliteDatabase database;
    private AppStore apps;
    private ItemStore items;
    private VoteStore votes;
    private DeckQuery decks;
    private JudgementQuery judgements;
    private ExportCursorStore exportCursors;
    private AppSettingsStore appSettings;
    private LedgerStore ledger;
    private LedgerCursorStore ledgerCursors;
    private LedgerSums ledgerSums;
    private RaterProfileStore profiles;
    private LeaseStore leases;
    private VoteIndexer indexer;

    public SqliteStorage() {
        this(null);
    }

    /** Tests: an indexer with other chunk sizes and pauses than the settings give. */
    SqliteStorage(VoteIndexer.Tuning indexing) {
        this.indexing = indexing;
    }

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public String description() {
        return "Embedded SQLite file (WAL, synchronous=FULL)";
    }

    @Override
    public ConfigSpec configSpec() {
        return SqliteSettings.SPEC;
    }

    @Override
    public void start(PluginContext context, Config config) {
        SqliteSettings settings = SqliteSettings.from(config, context);
        Path path = settings.path();
        String setting = context.settingName(SqliteSettings.PATH);
        try {
            Files.createDirectories(path.getParent());
            database = SqliteDatabase.open(settings);
        } catch (SchemaTooNewException e) {
            throw new PluginStartException("SQLite database " + path + " has schema version " + e.found()
                    + ", newer than the " + e.supported() + " this plugin supports: upgrade the storage-sqlite"
                    + " plugin, or point " + setting + " at another file", setting, e);
        } catch (IOException | SQLException e) {
            throw new PluginStartException("cannot open SQLite database " + path + " (" + reason(e)
                    + "): set " + setting + " to a file in a writable directory", setting, e);
        }
        apps = new AppStore(database);
        items = new ItemStore(database);
        votes = new VoteStore(database);
        decks = new DeckQuery(database);
        judgements = new JudgementQuery(database);
        exportCursors = new ExportCursorStore(database);
        appSettings = new AppSettingsStore(database);
        ledger = new LedgerStore(database);
        ledgerCursors = new LedgerCursorStore(database);
        ledgerSums = new LedgerSums(database);
        profiles = new RaterProfileStore(database);
        leases = new LeaseStore(database);
        indexer = new VoteIndexer(database,
                indexing != null ? indexing : VoteIndexer.Tuning.forBatch(settings.indexBatchVotes()));
        indexer.start();
        LOG.info("SQLite storage at {} (WAL, synchronous=FULL, schema v{}, {} read connections, index batches"
                + " of {} votes)", path, SchemaMigrations.LATEST_VERSION, settings.readConnections(),
                settings.indexBatchVotes());
    }

    private static String reason(Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage() + " is a file, not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** Stops the indexer after it folded what is left, then closes the database. Idempotent. */
    @Override
    public void close() {
        if (indexer != null) {
            indexer.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    public void createApp(App app) {
        apps.create(app);
    }

    @Override
    public Optional<App> app(String appId) {
        return apps.app(appId);
    }

    @Override
    public List<App> apps() {
        return apps.apps();
    }

    @Override
    public int upsertItems(List<Item> list) {
        return items.upsert(list);
    }

    @Override
    public Optional<Item> item(String appId, String itemId) {
        return items.item(appId, itemId);
    }

    @Override
    public Map<String, Item> items(String appId, Collection<String> itemIds) {
        return items.items(appId, itemIds);
    }

    @Override
    public Map<String, Long> judgements(String appId, Collection<String> itemIds) {
        return judgements.judgements(appId, itemIds);
    }

    @Override
    public AppendResult appendVotes(List<Vote> list) {
        AppendResult result = votes.append(list);
        long last = 0;
        for (long seq : result.seqs()) {
            last = Math.max(last, seq);
        }
        indexer.appended(last);
        return result;
    }

    @Override
    public List<Vote> votesAfter(String appId, long afterSeq, int limit) {
        return votes.after(appId, afterSeq, limit);
    }

    @Override
    public List<Item> deck(String appId, String rater, VoteKind kind, int limit) {
        return decks.deck(appId, rater, kind, limit, ItemPool.ALL);
    }

    @Override
    public List<Item> deck(String appId, String rater, VoteKind kind, int limit, ItemPool pool) {
        return decks.deck(appId, rater, kind, limit, pool);
    }

    @Override
    public long lastSeq(String appId) {
        return votes.lastSeq(appId);
    }

    @Override
    public AppStats stats(String appId) {
        return database.readSnapshot("count app " + appId,
                connection -> VoteStore.stats(connection, appId, ItemStore.count(connection, appId)));
    }

    @Override
    public Optional<Rater> rater(String appId, String raterId) {
        return votes.rater(appId, raterId);
    }

    @Override
    public long deleteRater(String appId, String raterId) {
        return database.write("delete rater " + raterId, connection -> {
            long removed = VoteStore.deleteRater(connection, appId, raterId);
            LedgerStore.deleteRater(connection, appId, raterId);
            RaterProfileStore.deleteRater(connection, appId, raterId);
            if (removed > 0) {
                AppStore.countErasure(connection, appId);
            }
            return removed;
        });
    }

    @Override
    public List<LedgerEntry> appendLedger(List<LedgerEntry> entries) {
        return ledger.append(entries);
    }

    @Override
    public List<LedgerEntry> ledger(String appId, String raterId) {
        return ledger.ledger(appId, raterId);
    }

    @Override
    public OptionalLong exportCursor(String appId, String name) {
        return exportCursors.cursor(appId, name);
    }

    @Override
    public void saveExportCursor(String appId, String name, long seq) {
        exportCursors.save(appId, name, seq);
    }

    @Override
    public Map<String, String> appSettings(String appId) {
        return appSettings.settings(appId);
    }

    @Override
    public void updateAppSettings(String appId, Map<String, String> put, Collection<String> remove) {
        appSettings.update(appId, put, remove);
    }

    @Override
    public long ledgerCursor(String appId, String name) {
        return ledgerCursors.cursor(appId, name);
    }

    @Override
    public List<LedgerEntry> appendLedger(List<LedgerEntry> entries, String appId, String cursor, long from, long to) {
        return ledger.append(entries, appId, cursor, from, to);
    }

    @Override
    public void saveLedgerCursor(String appId, String name, long seq) {
        ledgerCursors.save(appId, name, seq);
    }

    @Override
    public List<LedgerEntry> ledgerAfter(String appId, long afterSeq, int limit) {
        return ledger.after(appId, afterSeq, limit);
    }

    @Override
    public long ledgerPointsSince(String appId, Instant since) {
        return ledgerSums.pointsSince(appId, since);
    }

    @Override
    public List<LeaderboardRow> leaderboard(String appId, Instant since, Instant vestedBy, int limit) {
        return ledgerSums.leaderboard(appId, since, vestedBy, limit);
    }

    @Override
    public void updateApp(App app) {
        apps.update(app);
    }

    @Override
    public void replaceSigningSecret(String appId, String signingSecret) {
        apps.replaceSigningSecret(appId, signingSecret);
    }

    @Override
    public Optional<RaterProfile> raterProfile(String appId, String rater) {
        return profiles.profile(appId, rater);
    }

    @Override
    public void saveRaterProfile(RaterProfile profile) {
        profiles.save(profile);
    }

    @Override
    public List<Item> itemsAfter(String appId, String afterId, int limit) {
        return items.after(appId, afterId, limit);
    }

    @Override
    public List<RaterProfile> raterProfilesAfter(String appId, String afterRater, int limit) {
        return profiles.after(appId, afterRater, limit);
    }

    @Override
    public Map<String, Long> exportCursors(String appId) {
        return exportCursors.all(appId);
    }

    @Override
    public Map<String, Long> ledgerCursors(String appId) {
        return ledgerCursors.all(appId);
    }

    @Override
    public void restoreVotes(List<Vote> list) {
        indexer.appended(votes.restore(list));
    }

    @Override
    public void restoreLedger(List<LedgerEntry> entries) {
        ledger.restore(entries);
    }

    @Override
    public long erasures(String appId) {
        return apps.erasures(appId);
    }

    @Override
    public boolean tryLease(String appId, String name, String holder, Instant now, Instant until) {
        return leases.tryTake(appId, name, holder, now, until);
    }

    @Override
    public void releaseLease(String appId, String name, String holder) {
        leases.release(appId, name, holder);
    }

    @Override
    public Map<String, String> leases(String appId, String prefix, Instant now) {
        return leases.live(appId, prefix, now);
    }

    /** Tests: the background indexer, to pause it, make it catch up or stop it as a crash would. */
    VoteIndexer indexer() {
        return indexer;
    }

    /** The value of a pragma on every connection, writer first: lets tests see WAL and FULL in effect. */
    List<String> pragmaEverywhere(String name) {
        return database.pragmaEverywhere(name);
    }
}
