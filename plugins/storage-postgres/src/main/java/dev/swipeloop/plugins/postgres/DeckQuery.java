package dev.swipeloop.plugins.postgres;

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
 * The deck: items this rater has not judged in this kind of vote (for pairs, on either side),
 * the least-judged first, oldest first among equals. No vote is scanned but the rater's own:
 * their judged items come from {@code votes_by_rater} alone (both sides of a pair are in the
 * index) into a hashed set, and each item's judged count is its folded count in
 * {@code judged_counts} plus its votes not yet folded ({@link VoteFolds#PENDING}, read through
 * the primary key), so it is exact as of the statement's snapshot however far behind the folds
 * are. The app's items are read and the first {@code limit} by count kept (a top-N sort in
 * memory). A deck of one {@link ItemPool} adds a condition on {@code gold}.
 */
final class DeckQuery {
    private static final Map<ItemPool, String> BINARY = byPool("binary");
    private static final Map<ItemPool, String> PAIR = byPool("pair");

    private final PostgresDatabase database;

    DeckQuery(PostgresDatabase database) {
        this.database = database;
    }

    /** {@code kind}: the vote kind as the counts' columns spell it ({@code binary_judged}, {@code binary_n}). */
    private static Map<ItemPool, String> byPool(String kind) {
        Map<ItemPool, String> statements = new EnumMap<>(ItemPool.class);
        statements.put(ItemPool.ALL, deck(kind, ""));
        statements.put(ItemPool.GOLD, deck(kind, " AND items.gold IS NOT NULL"));
        statements.put(ItemPool.REGULAR, deck(kind, " AND items.gold IS NULL"));
        return statements;
    }

    /** Parameters: app, rater, kind, app, app, app (the pending votes), app, limit. */
    private static String deck(String kind, String poolCondition) {
        return "WITH mine AS MATERIALIZED (SELECT item, right_item FROM votes WHERE app_id = ? AND rater = ?"
                + " AND kind = ?), judged AS (SELECT item FROM mine UNION ALL SELECT right_item FROM mine"
                + " WHERE right_item IS NOT NULL), " + VoteFolds.PENDING
                + " SELECT " + ItemRows.COLUMNS + " FROM items LEFT JOIN judged_counts c"
                + " ON c.app_id = items.app_id AND c.item = items.id LEFT JOIN pending p ON p.item = items.id"
                + " WHERE items.app_id = ? AND items.id NOT IN (SELECT item FROM judged)" + poolCondition
                + " ORDER BY coalesce(c." + kind + "_judged, 0) + coalesce(p." + kind + "_n, 0), items.ord LIMIT ?";
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
                query.setString(4, appId);
                query.setString(5, appId);
                query.setString(6, appId);
                query.setString(7, appId);
                query.setInt(8, limit);
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
