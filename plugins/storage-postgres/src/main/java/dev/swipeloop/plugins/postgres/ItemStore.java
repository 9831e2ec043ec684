package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.model.Item;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Items: upsert by (app, id), look-up one at a time or many, and paging in id order. */
final class ItemStore {
    private final PostgresDatabase database;

    ItemStore(PostgresDatabase database) {
        this.database = database;
    }

    int upsert(List<Item> items) {
        if (items.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        database.write("upsert " + items.size() + " items", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(ItemRows.UPSERT);
                 ArrayParameters columns = new ArrayParameters(connection, upsert)) {
                ItemRows.bindColumns(columns, items, now);
                return upsert.executeUpdate();
            }
        });
        return items.size();
    }

    Optional<Item> item(String appId, String itemId) {
        return database.read("read item " + itemId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(ItemRows.BY_ID)) {
                query.setString(1, appId);
                query.setString(2, itemId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(ItemRows.read(row)) : Optional.<Item>empty();
                }
            }
        });
    }

    /** The app's items among {@code itemIds}, keyed by id, in one statement however many are asked. */
    Map<String, Item> items(String appId, Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        String[] ids = new LinkedHashSet<>(itemIds).toArray(new String[0]);
        return database.read("read " + ids.length + " items", connection -> {
            Array array = connection.createArrayOf("text", ids);
            try (PreparedStatement query = connection.prepareStatement(ItemRows.BY_IDS)) {
                query.setString(1, appId);
                query.setArray(2, array);
                Map<String, Item> found = new LinkedHashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Item item = ItemRows.read(rows);
                        found.put(item.id(), item);
                    }
                }
                return found;
            } finally {
                array.free();
            }
        });
    }

    List<Item> after(String appId, String afterId, int limit) {
        return database.read("read items after '" + afterId + "'", connection -> {
            try (PreparedStatement query = connection.prepareStatement(ItemRows.AFTER)) {
                query.setString(1, appId);
                query.setString(2, afterId);
                query.setInt(3, limit);
                List<Item> items = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        items.add(ItemRows.read(rows));
                    }
                }
                return items;
            }
        });
    }
}
