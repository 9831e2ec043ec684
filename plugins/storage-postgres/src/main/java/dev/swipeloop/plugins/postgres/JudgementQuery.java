package dev.swipeloop.plugins.postgres;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * How many votes judged each of a list of items, both kinds together, skips included: the
 * items' {@code judged_counts}, which the append that stored a vote updated in its own
 * transaction, so the answer is exact as of the latest commit. One statement for any number
 * of ids, through the primary keys of items and judged_counts.
 */
final class JudgementQuery {
    private static final String JUDGED = "SELECT items.id, coalesce(c.binary_judged + c.pair_judged, 0) FROM items"
            + " LEFT JOIN judged_counts c ON c.app_id = items.app_id AND c.item = items.id"
            + " WHERE items.app_id = ? AND items.id = ANY (?::text[])";

    private final PostgresDatabase database;

    JudgementQuery(PostgresDatabase database) {
        this.database = database;
    }

    Map<String, Long> judgements(String appId, Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        String[] ids = new LinkedHashSet<>(itemIds).toArray(new String[0]);
        return database.read("count the votes on " + ids.length + " items", connection -> {
            Array array = connection.createArrayOf("text", ids);
            try (PreparedStatement query = connection.prepareStatement(JUDGED)) {
                query.setString(1, appId);
                query.setArray(2, array);
                Map<String, Long> counts = new LinkedHashMap<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        counts.put(row.getString(1), row.getLong(2));
                    }
                }
                return counts;
            } finally {
                array.free();
            }
        });
    }
}
