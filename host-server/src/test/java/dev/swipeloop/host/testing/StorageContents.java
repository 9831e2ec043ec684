package dev.swipeloop.host.testing;

import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a storage holds, read back through the storage API into plain values that
 * compare with {@code equals}: per app, the app itself, its settings, items, votes, ledger,
 * cursors and profiles. Lets a test compare two storages without trusting the tool that
 * copied one into the other.
 */
public final class StorageContents {
    private static final int PAGE = 500;

    private StorageContents() {
    }

    /** "app-a/votes" → that app's votes, and so on, apps in id order. */
    public static Map<String, Object> of(StorageBackend storage) {
        Map<String, Object> contents = new LinkedHashMap<>();
        for (App app : storage.apps().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            String id = app.id();
            contents.put(id + "/app", app);
            contents.put(id + "/settings", new TreeMap<>(storage.appSettings(id)));
            contents.put(id + "/items", items(storage, id));
            contents.put(id + "/votes", votes(storage, id));
            contents.put(id + "/ledger", ledger(storage, id));
            contents.put(id + "/ledger cursors", new TreeMap<>(storage.ledgerCursors(id)));
            contents.put(id + "/export cursors", new TreeMap<>(storage.exportCursors(id)));
            contents.put(id + "/profiles", profiles(storage, id));
        }
        return contents;
    }

    public static List<Item> items(StorageBackend storage, String appId) {
        List<Item> all = new ArrayList<>();
        for (List<Item> page = storage.itemsAfter(appId, "", PAGE); !page.isEmpty();
             page = storage.itemsAfter(appId, page.get(page.size() - 1).id(), PAGE)) {
            all.addAll(page);
        }
        return all;
    }

    public static List<Vote> votes(StorageBackend storage, String appId) {
        List<Vote> all = new ArrayList<>();
        for (List<Vote> page = storage.votesAfter(appId, 0, PAGE); !page.isEmpty();
             page = storage.votesAfter(appId, page.get(page.size() - 1).seq(), PAGE)) {
            all.addAll(page);
        }
        return all;
    }

    public static List<LedgerEntry> ledger(StorageBackend storage, String appId) {
        List<LedgerEntry> all = new ArrayList<>();
        for (List<LedgerEntry> page = storage.ledgerAfter(appId, 0, PAGE); !page.isEmpty();
             page = storage.ledgerAfter(appId, page.get(page.size() - 1).seq(), PAGE)) {
            all.addAll(page);
        }
        return all;
    }

    public static List<RaterProfile> profiles(StorageBackend storage, String appId) {
        List<RaterProfile> all = new ArrayList<>();
        for (List<RaterProfile> page = storage.raterProfilesAfter(appId, "", PAGE); !page.isEmpty();
             page = storage.raterProfilesAfter(appId, page.get(page.size() - 1).rater(), PAGE)) {
            all.addAll(page);
        }
        return all;
    }
}
