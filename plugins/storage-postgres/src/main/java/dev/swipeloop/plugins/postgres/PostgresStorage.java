package dev.swipeloop.plugins.postgres;

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
 * The scale-out store: any number of hosts, each with its own pool, on one PostgreSQL schema.
 * Nothing is kept in the host beyond the pool, so hosts need not know of each other:
 * <ul>
 *   <li>an append is one transaction that, app by app, draws the app's seqs from its counter
 *       row and sends its votes by COPY, expecting them new; a retried vote makes it roll back
 *       and run again with an insert that skips known (app, id) pairs ({@link VoteSql}). The
 *       commit is durable ({@code synchronous_commit} as the server has it, on by default);</li>
 *   <li>the counter row stays locked to the commit, so seqs follow commit order per app across
 *       hosts, and an export cursor never passes a vote that commits later with a smaller seq;</li>
 *   <li>each host's {@link VoteFolder} adds committed votes to the items' judged counts in the
 *       background, under a per-app fold lock so no two hosts fold the same votes; reads that
 *       need the counts add the few votes not yet folded, so they are exact right after an
 *       append. A host on a read-only connection (a hot standby serving exports) folds
 *       nothing;</li>
 *   <li>reward entries and the ledger cursor that paid for them are written under the app's
 *       ledger lock after checking the cursor, so two hosts never pay twice;</li>
 *   <li>leases are rows taken or renewed in one atomic upsert.</li>
 * </ul>
 */
@Extension
public final class PostgresStorage implements StorageBackend {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStorage.class);

    private PostgresDatabase database;
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
    private VoteFolder folder;

    private final VoteFolder.Tuning folding;

    public PostgresStorage() {
        this(null);
    }

    /** Tests: a folder with other chunk sizes and periods than the settings give. */
    PostgresStorage(VoteFolder.Tuning folding) {
        this.folding = folding;
    }

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public String description() {
        return "PostgreSQL, shared by any number of hosts";
    }

    @Override
    public ConfigSpec configSpec() {
        return PostgresSettings.SPEC;
    }

    @Override
    public void start(PluginContext context, Config config) {
        PostgresSettings settings = PostgresSettings.from(config);
        database = new PostgresConnector(settings, context).open();
        AdvisoryLocks locks = new AdvisoryLocks(settings.schema());
        apps = new AppStore(database);
        items = new ItemStore(database);
        votes = new VoteStore(database, locks);
        decks = new DeckQuery(database);
        judgements = new JudgementQuery(database);
        exportCursors = new ExportCursorStore(database);
        appSettings = new AppSettingsStore(database);
        ledger = new LedgerStore(database, locks);
        ledgerCursors = new LedgerCursorStore(database);
        ledgerSums = new LedgerSums(database);
        profiles = new RaterProfileStore(database);
        leases = new LeaseStore(database);
        boolean writable = database.writable();
        if (writable) {
            folder = new VoteFolder(new VoteFolds(database, locks),
                    folding != null ? folding : VoteFolder.Tuning.forBatch(settings.foldBatchVotes()));
            folder.start();
        }
        LOG.info("PostgreSQL storage at {} (schema {} v{}, pool of {}, {})", JdbcUrls.withoutPassword(settings.jdbcUrl()),
                settings.schema(), SchemaMigrations.LATEST_VERSION, settings.poolSize(),
                writable ? "judged counts folded in batches of " + settings.foldBatchVotes() + " votes"
                        : "read-only: nothing folded or written");
    }

    /** Stops the folder after it folded what is left, then closes the pool; idempotent. */
    @Override
    public void close() {
        if (folder != null) {
            folder.close();
            folder = null;
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
        if (folder != null) {
            folder.appended(result.accepted());
        }
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
        return votes.stats(appId);
    }

    @Override
    public Optional<Rater> rater(String appId, String raterId) {
        return votes.rater(appId, raterId);
    }

    /** Votes, folded judged counts, ledger, profile and the erasure count change in one transaction. */
    @Override
    public long deleteRater(String appId, String raterId) {
        return database.write("delete rater " + raterId, connection -> {
            long removed = votes.deleteRater(connection, appId, raterId);
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
        return exportCursors.cursors(appId);
    }

    @Override
    public Map<String, Long> ledgerCursors(String appId) {
        return ledgerCursors.cursors(appId);
    }

    @Override
    public void restoreVotes(List<Vote> list) {
        votes.restore(list);
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
        return leases.tryLease(appId, name, holder, now, until);
    }

    @Override
    public void releaseLease(String appId, String name, String holder) {
        leases.release(appId, name, holder);
    }

    @Override
    public Map<String, String> leases(String appId, String prefix, Instant now) {
        return leases.leases(appId, prefix, now);
    }

    /** Tests: the background folder, to fold on demand; null on a read-only connection. */
    VoteFolder folder() {
        return folder;
    }
}
