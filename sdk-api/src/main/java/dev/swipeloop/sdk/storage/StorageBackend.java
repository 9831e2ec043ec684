package dev.swipeloop.sdk.storage;

import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Rater;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.SwipeloopExtension;
import dev.swipeloop.sdk.reward.LeaderboardRow;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where apps, items, votes and the reward ledger live. Exactly one backend is active in a
 * host, chosen by the {@code storage} setting; the host does not start without it.
 *
 * <h2>Threading</h2>
 * Every method may be called from many threads at once, including {@link #appendVotes}. The
 * host funnels vote writes through one group-commit thread, but a backend must not rely on
 * it: several hosts may share one database.
 *
 * <h2>Guarantees the contract tests ({@code StorageBackendContract}) check</h2>
 * <ul>
 *   <li>{@link #appendVotes} is durable when it returns: the votes survive a crash of the
 *       process the next instant. One call is one transaction: all stored or none.</li>
 *   <li>Appends are idempotent by (app, vote id): a vote id seen before is reported as a
 *       duplicate and not stored again, also when both copies are in the same call.</li>
 *   <li>Within an app, seqs are assigned in commit order, strictly increasing, even with
 *       several hosts appending at once; {@link #votesAfter} returns votes in seq order, so a
 *       cursor never misses a committed vote. Seqs of different apps may repeat (PostgreSQL
 *       counts each app's own) or interleave (SQLite shares one counter).</li>
 *   <li>{@link #deck} never returns an item the rater already judged in that mode.</li>
 *   <li>Nothing of one app is visible through another app's id.</li>
 * </ul>
 * Failures are thrown as {@link dev.swipeloop.sdk.StorageException}.
 */
public interface StorageBackend extends SwipeloopExtension {

    /** Stores a new app. Throws {@link dev.swipeloop.sdk.ConflictException} if the id exists. */
    void createApp(App app);

    Optional<App> app(String appId);

    List<App> apps();

    /** Inserts or replaces items by (app, id). Returns how many were written. */
    int upsertItems(List<Item> items);

    Optional<Item> item(String appId, String itemId);

    /**
     * The app's items with these ids, keyed by id; ids without an item are left out. Exports
     * call it once per page of votes. Default: one {@link #item} per id; backends answer it in
     * one query.
     */
    default Map<String, Item> items(String appId, Collection<String> itemIds) {
        Map<String, Item> found = new LinkedHashMap<>();
        for (String id : itemIds) {
            item(appId, id).ifPresent(item -> found.put(id, item));
        }
        return found;
    }

    /**
     * How many votes judged each of these items, keyed by id: votes of either kind, skips
     * included, a pair vote counting for both its items. Exact, including votes appended a
     * moment ago. Ids without votes map to 0, ids without an item are left out. Exports use it
     * for their minimum-votes-per-item filter.
     */
    default Map<String, Long> judgements(String appId, Collection<String> itemIds) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot count the votes per item");
    }

    /**
     * Appends votes in one durable transaction. Votes may belong to several apps. Returns, per
     * input vote and in input order, the seq it was stored under, or
     * {@link AppendResult#DUPLICATE} when its id was seen before.
     */
    AppendResult appendVotes(List<Vote> votes);

    /** Up to {@code limit} votes of the app with seq &gt; {@code afterSeq}, in seq order. */
    List<Vote> votesAfter(String appId, long afterSeq, int limit);

    /**
     * Up to {@code limit} items this rater has not judged in votes of {@code kind} (for pairs:
     * on either side), the least-judged first.
     */
    List<Item> deck(String appId, String rater, VoteKind kind, int limit);

    /**
     * {@link #deck(String, String, VoteKind, int)} drawn from one pool of items: only gold items,
     * or only the others, with the same order and the same never-judged rule. Default: the plain
     * deck for {@link ItemPool#ALL}; other pools throw {@link UnsupportedOperationException},
     * and the host then deals without gold items.
     */
    default List<Item> deck(String appId, String rater, VoteKind kind, int limit, ItemPool pool) {
        if (pool == ItemPool.ALL) {
            return deck(appId, rater, kind, limit);
        }
        throw new UnsupportedOperationException("storage '" + id() + "' cannot deal decks of " + pool + " items");
    }

    AppStats stats(String appId);

    /**
     * The highest seq among the app's votes, 0 when it has none: where an export's range ends.
     * Default: from {@link #stats}, which counts more than needed; backends answer it from an index.
     */
    default long lastSeq(String appId) {
        return stats(appId).lastSeq();
    }

    Optional<Rater> rater(String appId, String raterId);

    /** Removes the rater's votes, ledger entries and profile. Returns the number of votes removed. */
    long deleteRater(String appId, String raterId);

    /** Appends ledger entries in one durable transaction; returns them with their seqs. */
    List<LedgerEntry> appendLedger(List<LedgerEntry> entries);

    /** The rater's ledger entries in seq order. */
    List<LedgerEntry> ledger(String appId, String raterId);

    /**
     * The seq a named export cursor of the app points at (the last vote an export with that
     * cursor delivered), or empty when no export used the name yet. Cursor names are the app's
     * own: another app's cursor of the same name is another cursor.
     */
    default OptionalLong exportCursor(String appId, String name) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no export cursors");
    }

    /** Points the app's export cursor {@code name} at {@code seq}, durably, creating it if needed. */
    default void saveExportCursor(String appId, String name, long seq) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no export cursors");
    }

    /**
     * The app's own settings: the keys it changed from the host's defaults (ranking, rater
     * quality, decks), each value as text. Empty when the app changed none. The host validates
     * keys and values; storage keeps them as given. Default: none, and the app runs on defaults.
     */
    default Map<String, String> appSettings(String appId) {
        return Map.of();
    }

    /**
     * Changes the app's settings in one durable transaction: sets every key of {@code put},
     * then removes every key of {@code remove} (a removed key is back at its default). Keys
     * not named stay as they are, so two hosts changing different keys do not undo each other.
     */
    default void updateAppSettings(String appId, Map<String, String> put, Collection<String> remove) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot keep app settings");
    }

    /*
     * Rewards. A backend without these keeps votes but no rewards: the host reports the
     * reward policies as unavailable in /health and leaves the ledger alone.
     */

    /**
     * Where the app's named ledger cursor points, 0 when it was never moved. The host keeps
     * two: {@code rewards} (the seq of the last vote the policies were run for) and
     * {@code webhooks} (the seq of the last ledger entry whose webhook was settled).
     */
    default long ledgerCursor(String appId, String name) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no reward ledger cursors");
    }

    /**
     * In one durable transaction: appends {@code entries} (which may be empty) and moves the
     * app's ledger cursor {@code cursor} from {@code from} to {@code to}. Returns the entries
     * with their seqs. Nothing is written, and {@code ConflictException} thrown, when the
     * cursor is not at {@code from}: another host got there first, and writing would pay twice.
     */
    default List<LedgerEntry> appendLedger(List<LedgerEntry> entries, String appId, String cursor, long from,
                                           long to) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no reward ledger cursors");
    }

    /** Moves the app's ledger cursor {@code name} to {@code seq}, durably (for webhooks, which write no entries). */
    default void saveLedgerCursor(String appId, String name, long seq) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no reward ledger cursors");
    }

    /** Up to {@code limit} of the app's ledger entries with seq above {@code afterSeq}, in seq order. */
    default List<LedgerEntry> ledgerAfter(String appId, long afterSeq, int limit) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot page through the ledger");
    }

    /**
     * The sum of the positive points of the app's entries made at or after {@code since} (every
     * rater and policy, vested or not; clawbacks left out): what an app-wide daily cap counts,
     * since a clawback does not make room for more payments.
     */
    default long ledgerPointsSince(String appId, Instant since) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot sum the ledger");
    }

    /**
     * Up to {@code limit} listed raters (their profile has {@code listed} true) by the points of
     * their entries made at or after {@code since} that are vested at {@code vestedBy}, most
     * first, ties by rater id; raters with no points in the period are left out.
     */
    default List<LeaderboardRow> leaderboard(String appId, Instant since, Instant vestedBy, int limit) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no leaderboard");
    }

    /**
     * Replaces the app's signing secret (a leaked one is rotated): tokens signed with the old
     * secret stop being accepted. Throws {@code IllegalArgumentException} for an unknown app.
     */
    default void replaceSigningSecret(String appId, String signingSecret) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot rotate signing secrets");
    }

    /**
     * Replaces an existing app's name, allowed origins, publishable key, secret key hash and
     * signing secret with those of {@code app} (found by its id; {@code createdAt} is kept), in one
     * write: the dashboard edits origins and rotates or revokes keys through it. An empty
     * {@code publishableKey} or {@code secretKeyHash} is a revoked key, which nothing matches.
     * Throws {@code IllegalArgumentException} for an unknown app.
     */
    default void updateApp(App app) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot change apps");
    }

    /** The rater's profile, or empty when they never saved one. */
    default Optional<RaterProfile> raterProfile(String appId, String rater) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no rater profiles");
    }

    /** Creates or replaces the rater's profile, durably. */
    default void saveRaterProfile(RaterProfile profile) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no rater profiles");
    }

    /*
     * Copying a database (./swipeloop migrate). Everything a backend keeps is read back through
     * these and the methods above, page by page, and written into an empty backend as it was:
     * seqs included, so cursors that point at votes and ledger entries stay valid.
     */

    /**
     * Up to {@code limit} of the app's items with id above {@code afterId} ("" for the first),
     * in the byte order of their UTF-8 ids (SQLite's BINARY, PostgreSQL's COLLATE "C").
     */
    default List<Item> itemsAfter(String appId, String afterId, int limit) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot page through items");
    }

    /**
     * Up to {@code limit} of the app's rater profiles with rater above {@code afterRater} (""
     * for the first), in the byte order of their UTF-8 rater ids.
     */
    default List<RaterProfile> raterProfilesAfter(String appId, String afterRater, int limit) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot page through rater profiles");
    }

    /** Every named export cursor of the app and the seq it points at; empty when none was saved. */
    default Map<String, Long> exportCursors(String appId) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot list export cursors");
    }

    /** Every ledger cursor of the app that was moved and the seq it points at. */
    default Map<String, Long> ledgerCursors(String appId) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot list ledger cursors");
    }

    /**
     * Stores votes exactly as given, their seqs and received times included, in one durable
     * transaction: for copying another backend's votes, in seq order, into this one. Later
     * appends get seqs above every restored one. Throws {@code ConflictException}, and writes
     * nothing, when a vote's seq or (app, id) is already stored.
     */
    default void restoreVotes(List<Vote> votes) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot restore votes");
    }

    /** {@link #restoreVotes} for ledger entries: stored with their seqs; later entries get higher ones. */
    default void restoreLedger(List<LedgerEntry> entries) {
        throw new UnsupportedOperationException("storage '" + id() + "' cannot restore ledger entries");
    }

    /*
     * Several hosts on one database. Each host keeps derived state (score boards, caches) of
     * what storage holds; these let a host notice what another host changed, and let one host
     * at a time run what must not run twice.
     */

    /**
     * How many times one of the app's raters was erased ({@link #deleteRater} removed votes),
     * ever: it only grows. A host whose boards were built before the count last changed
     * rebuilds them, so no host keeps showing an erased rater's votes. Default: 0 (a backend
     * for one host only).
     */
    default long erasures(String appId) {
        return 0;
    }

    /**
     * Takes the app's lease {@code name} for {@code holder} until {@code until}, or renews it:
     * true when no other holder has it beyond {@code now}. Leases are how several hosts agree
     * that one of them runs a thing (an export cursor's run, an app's webhook deliveries, a
     * background export job); a host that dies leaves its leases to run out. {@code appId} ""
     * names a host-wide lease. Atomic: of two hosts asking at once, at most one gets it.
     */
    default boolean tryLease(String appId, String name, String holder, Instant now, Instant until) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no leases");
    }

    /** Gives the lease up if {@code holder} has it, so another host may take it at once. */
    default void releaseLease(String appId, String name, String holder) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no leases");
    }

    /** The app's leases whose name starts with {@code prefix} and that run beyond {@code now}: name to holder. */
    default Map<String, String> leases(String appId, String prefix, Instant now) {
        throw new UnsupportedOperationException("storage '" + id() + "' keeps no leases");
    }
}
