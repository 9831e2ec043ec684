package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.PluginStartException;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Rater;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: one SQLite file in WAL mode with {@code synchronous=FULL}, so
 * a commit is on disk when it returns. Writes go through one connection under a lock (SQLite
 * has one writer at a time anyway); reads use a small pool beside it.
 */
@Extension
public final class SqliteStorage implements StorageBackend {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStorage.class);

    private SqliteDatabase database;
    private AppStore apps;
    private ItemStore items;
    private VoteStore votes;
    private DeckQuery decks;
    private LedgerStore ledger;

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
        ledger = new LedgerStore(database);
        LOG.info("SQLite storage at {} (WAL, synchronous=FULL, schema v{}, {} read connections)", path,
                SchemaMigrations.LATEST_VERSION, settings.readConnections());
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

    @Override
    public void close() {
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
    public AppendResult appendVotes(List<Vote> list) {
        return votes.append(list);
    }

    @Override
    public List<Vote> votesAfter(String appId, long afterSeq, int limit) {
        return votes.after(appId, afterSeq, limit);
    }

    @Override
    public List<Item> deck(String appId, String rater, VoteKind kind, int limit) {
        return decks.deck(appId, rater, kind, limit);
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

    /** The value of a pragma on every connection, writer first: lets tests see WAL and FULL in effect. */
    List<String> pragmaEverywhere(String name) {
        return database.pragmaEverywhere(name);
    }
}
