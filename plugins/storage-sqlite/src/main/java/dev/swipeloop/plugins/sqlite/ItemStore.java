package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.model.Item;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Items: upsert by (app, id) and look-up, one at a time, many, or page by page in id order. */
final class ItemStore {
    private final SqliteDatabase database;

    ItemStore(SqliteDatabase database) {
        this.database = database;
    }

    int upsert(List<Item> items) {
        if (items.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        return database.write("upsert " + items.size() + " items", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(ItemRows.UPSERT)) {
                for (Item item : items) {
                    ItemRows.bind(upsert, item, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return items.size();
        });
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

    /**
     * The app's items among {@code itemIds}, keyed by id; one statement per {@link IdBatches}
     * slice. Items are never deleted, so slices read at different moments still agree and no
     * snapshot is needed.
     */
    Map<String, Item> items(String appId, Collection<String> itemIds) {
        List<List<String>> batches = IdBatches.of(itemIds);
        if (batches.isEmpty()) {
            return Map.of();
        }
        return database.read("read " + itemIds.size() + " items", connection -> {
            Map<String, Item> found = new LinkedHashMap<>();
            for (List<String> batch : batches) {
                try (PreparedStatement query = connection.prepareStatement(ItemRows.byIds(batch.size()))) {
                    query.setString(1, appId);
                    IdBatches.bind(query, 2, batch);
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            Item item = ItemRows.read(row);
                            found.put(item.id(), item);
                        }
                    }
                }
            }
            return found;
        });
    }

    List<Item> after(String appId, String afterId, int limit) {
        return database.read("read items after " + afterId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(ItemRows.AFTER)) {
                query.setString(1, appId);
                query.setString(2, afterId);
                query.setInt(3, limit);
                List<Item> page = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        page.add(ItemRows.read(rows));
                    }
                }
                return page;
            }
        });
    }

    static long count(Connection connection, String appId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ItemRows.COUNT)) {
            query.setString(1, appId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
