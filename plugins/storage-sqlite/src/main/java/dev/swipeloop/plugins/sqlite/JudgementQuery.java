package dev.swipeloop.plugins.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many votes judged each of a list of items, both kinds together, skips included: the
 * items' folded counts ({@code binary_judged + pair_judged}) plus their votes in the unindexed
 * tail, by the same rule as the indexer (a pair counts for each side, once if both are one
 * item). Every {@link IdBatches} slice is one statement, and all of them run in one read
 * transaction, so the answer is exact as of one commit however the indexer moves meanwhile.
 * Each statement reads the app's tail once (a rowid range the indexer keeps to a few
 * thousand votes) and the asked items by primary key.
 */
final class JudgementQuery {
    private final SqliteDatabase database;

    JudgementQuery(SqliteDatabase database) {
        this.database = database;
    }

    /** ?1 = app; then {@code count} item ids from ?2 on. Result: (id, judged). */
    static String judged(int count) {
        return "WITH " + RaterIndexSql.TAIL_OF_APP + ", pending(item, n) AS (" + RaterIndexSql.PENDING_COUNTS
                + ") SELECT items.id, items.binary_judged + items.pair_judged + coalesce(pending.n, 0) FROM items"
                + " LEFT JOIN pending ON pending.item = items.id"
                + " WHERE items.app_id = ?1 AND items.id IN (" + IdBatches.parameters(2, count) + ")";
    }

    Map<String, Long> judgements(String appId, Collection<String> itemIds) {
        List<List<String>> batches = IdBatches.of(itemIds);
        if (batches.isEmpty()) {
            return Map.of();
        }
        return database.readSnapshot("count the votes on " + itemIds.size() + " items", connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (List<String> batch : batches) {
                try (PreparedStatement query = connection.prepareStatement(judged(batch.size()))) {
                    query.setString(1, appId);
                    IdBatches.bind(query, 2, batch);
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            counts.put(row.getString(1), row.getLong(2));
                        }
                    }
                }
            }
            return counts;
        });
    }
}
