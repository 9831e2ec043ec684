package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.VoteKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The deck: items this rater has not judged in this kind of vote (for pairs, on either
 * side), the least-judged first, oldest first among equals. The rater's judged items are
 * found through the {@code votes_by_rater} index; the app's items are then scanned and sorted
 * by the judged count the schema's triggers keep.
 */
final class DeckQuery {
    private static final String JUDGED_BY_RATER = """
            SELECT item FROM votes WHERE app_id = ?1 AND rater = ?2 AND kind = ?3 \
            UNION ALL SELECT right_item FROM votes WHERE app_id = ?1 AND rater = ?2 AND kind = ?3 \
            AND right_item IS NOT NULL""";

    private static final String BINARY = deck("binary_judged");
    private static final String PAIR = deck("pair_judged");

    private final SqliteDatabase database;

    DeckQuery(SqliteDatabase database) {
        this.database = database;
    }

    private static String deck(String judgedColumn) {
        return "SELECT " + ItemRows.COLUMNS + " FROM items WHERE app_id = ?1 AND id NOT IN (" + JUDGED_BY_RATER
                + ") ORDER BY " + judgedColumn + ", rowid LIMIT ?4";
    }

    List<Item> deck(String appId, String rater, VoteKind kind, int limit) {
        return database.read("pick a " + kind.wire() + " deck", connection -> {
            try (PreparedStatement query = connection.prepareStatement(kind == VoteKind.BINARY ? BINARY : PAIR)) {
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
