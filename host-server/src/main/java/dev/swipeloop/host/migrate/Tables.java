package dev.swipeloop.host.migrate;

import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a backend keeps that migrate copies, in the order it copies an app: the app, its
 * settings, items before the votes (a backend counts an item's votes as they arrive), votes
 * and ledger under their own seqs, then the cursors that point at those seqs, and profiles.
 * Derived state (score boards, caches, indexes) is not here: hosts rebuild it from these.
 */
final class Tables {
    /** A setting, export cursor or ledger cursor: one entry of a per-app map. */
    record Entry(String appId, String name, String value) {
    }

    static final Table<App> APPS = new Table<>("apps",
            (storage, appId, last, limit) -> last == null ? storage.app(appId).stream().toList() : List.of(),
            (target, appId, page) -> page.forEach(target::createApp),
            app -> new Object[] {app.id(), app.name(), app.allowedOrigins(), app.publishableKey(),
                    app.secretKeyHash(), app.signingSecret(), app.createdAt()},
            (storage, appId) -> storage.app(appId).isPresent() ? 1 : 0);

    static final Table<Entry> APP_SETTINGS = entries("app settings", StorageBackend::appSettings,
            (target, appId, page) -> target.updateAppSettings(appId, asMap(page), List.of()));

    static final Table<Item> ITEMS = new Table<>("items",
            (storage, appId, last, limit) -> storage.itemsAfter(appId, last == null ? "" : last.id(), limit),
            (target, appId, page) -> target.upsertItems(page),
            Tables::fields,
            (storage, appId) -> storage.stats(appId).items());

    static final Table<Vote> VOTES = new Table<>("votes",
            (storage, appId, last, limit) -> storage.votesAfter(appId, last == null ? 0 : last.seq(), limit),
            (target, appId, page) -> target.restoreVotes(page),
            Tables::fields,
            (storage, appId) -> storage.stats(appId).votes());

    static final Table<LedgerEntry> LEDGER = new Table<>("ledger",
            (storage, appId, last, limit) -> storage.ledgerAfter(appId, last == null ? 0 : last.seq(), limit),
            (target, appId, page) -> target.restoreLedger(page),
            e -> new Object[] {e.appId(), e.seq(), e.rater(), e.policy(), e.points(), e.reason(), e.voteId(), e.at(),
                    e.vestsAt()},
            null);

    static final Table<Entry> LEDGER_CURSORS = entries("ledger cursors", StorageBackend::ledgerCursors,
            (target, appId, page) -> page.forEach(c -> target.saveLedgerCursor(appId, c.name(), Long.parseLong(c.value()))));

    static final Table<Entry> EXPORT_CURSORS = entries("export cursors", StorageBackend::exportCursors,
            (target, appId, page) -> page.forEach(c -> target.saveExportCursor(appId, c.name(), Long.parseLong(c.value()))));

    static final Table<RaterProfile> RATER_PROFILES = new Table<>("rater profiles",
            (storage, appId, last, limit) -> storage.raterProfilesAfter(appId, last == null ? "" : last.rater(), limit),
            // One durable write per profile: the storage API has no batch for them, and raters save few.
            (target, appId, page) -> page.forEach(target::saveRaterProfile),
            p -> new Object[] {p.appId(), p.rater(), p.displayName(), p.listed(), p.updatedAt()},
            null);

    /** In copy order. */
    static final List<Table<?>> ALL = List.of(APPS, APP_SETTINGS, ITEMS, VOTES, LEDGER, LEDGER_CURSORS, EXPORT_CURSORS,
            RATER_PROFILES);

    private Tables() {
    }

    @FunctionalInterface
    private interface MapReader {
        Map<String, ?> read(StorageBackend storage, String appId);
    }

    /** A table kept as one small map per app: read whole, in name order, as a single page. */
    private static Table<Entry> entries(String name, MapReader reader, Table.Writer<Entry> writer) {
        return new Table<>(name,
                (storage, appId, last, limit) -> {
                    if (last != null) {
                        return List.of();
                    }
                    List<Entry> entries = new ArrayList<>();
                    new TreeMap<>(reader.read(storage, appId)).forEach((key, value) ->
                            entries.add(new Entry(appId, key, String.valueOf(value))));
                    return entries;
                },
                writer,
                e -> new Object[] {e.appId(), e.name(), e.value()},
                (storage, appId) -> reader.read(storage, appId).size());
    }

    private static Map<String, String> asMap(List<Entry> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.name(), e.value()));
        return map;
    }

    private static Object[] fields(Item item) {
        Provenance p = item.provenance() != null ? item.provenance() : Provenance.NONE;
        return new Object[] {item.appId(), item.id(), item.imageUrl(), p.prompt(), p.negativePrompt(), p.model(),
                p.modelVersion(), p.seed(), p.paramsJson(), item.group(), item.gold() == null ? null : item.gold().wire(),
                item.updatedAt()};
    }

    private static Object[] fields(Vote vote) {
        String left;
        String right;
        String answer;
        if (vote.judgement() instanceof Judgement.Binary binary) {
            left = binary.item();
            right = null;
            answer = binary.verdict().wire();
        } else {
            Judgement.Pair pair = (Judgement.Pair) vote.judgement();
            left = pair.left();
            right = pair.right();
            answer = pair.choice().wire();
        }
        return new Object[] {vote.appId(), vote.seq(), vote.id(), vote.rater(), vote.session(),
                vote.judgement().kind().wire(), left, right, answer, vote.dwellMs(), vote.clientTs(), vote.receivedAt(),
                vote.verified()};
    }
}
