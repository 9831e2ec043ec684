package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.storage.ItemPool;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The deck: items this rater has not judged in this kind of vote (for pairs, on either
 * side), the least-judged first, oldest first among equals. One statement, so one snapshot:
 * the rater's judged items come from {@code rater_votes} plus the unindexed tail of
 * {@code votes}, and each item's judged count is its folded count plus its tail votes, so
 * both are exact as of the latest commit, however far behind the indexer is. Only the cost
 * grows with the tail (the indexer keeps it to a few thousand votes); the app's items are
 * scanned and sorted. A deck of one {@link ItemPool} adds a condition on {@code gold}.
 */
final class DeckQuery {
    private static final Map<ItemPool, String> BINARY = byPool("binary_judged");
    private static final Map<ItemPool, String> PAIR = byPool("pair_judged");

    private final SqliteDatabase database;

    DeckQuery(SqliteDatabase database) {
        this.database = database;
    }

    private static Map<ItemPool, String> byPool(String judgedColumn) {
        Map<ItemPool, String> statements = new EnumMap<>(ItemPool.class);
        statements.put(ItemPool.ALL, deck(judgedColumn, ""));
        statements.put(ItemPool.GOLD, deck(judgedColumn, " AND items.gold IS NOT NULL"));
        statements.put(ItemPool.REGULAR, deck(judgedColumn, " AND items.gold IS NULL"));
        return statements;
    }

    private static String deck(String judgedColumn, String poolCondition) {
        return "WITH " + RaterIndexSql.TAIL_OF_KIND + ", judged(item) AS (" + RaterIndexSql.JUDGED_BY_RATER
                + "), pending(item, n) AS (" + RaterIndexSql.PENDING_COUNTS + ") SELECT " + ItemRows.COLUMNS
                + " FROM items LEFT JOIN pending ON pending.item = items.id"
                + " WHERE items.app_id = ?1 AND items.id NOT IN (SELECT item FROM judged)" + poolCondition
                + " ORDER BY items." + judgedColumn + " + coalesce(pending.n, 0), items.rowid LIMIT ?4";
    }

    /** Every deck statement, for the query-plan test. */
    static List<String> statements() {
        List<String> all = new ArrayList<>(BINARY.values());
        all.addAll(PAIR.values());
        return all;
    }

    List<Item> deck(String appId, String rater, VoteKind kind, int limit, ItemPool pool) {
        String sql = (kind == VoteKind.BINARY ? BINARY : PAIR).get(pool);
        return database.read("pick a " + kind.wire() + " deck", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, appId);
                query.setString(2, rater);
                query.setString(3, kind.wire());
                query.setInt(4, limit);
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
