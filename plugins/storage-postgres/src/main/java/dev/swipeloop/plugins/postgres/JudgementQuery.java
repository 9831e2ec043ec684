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
 * items' folded {@code judged_counts} plus their votes not yet folded
 * ({@link VoteFolds#PENDING}), in one statement, so the answer is exact as of its snapshot.
 * One statement for any number of ids, through the primary keys of items, judged_counts and
 * votes.
 */
final class JudgementQuery {
    /** Parameters: app, app, app (the pending votes), app, ids. */
    static final String JUDGED = "WITH " + VoteFolds.PENDING + " SELECT items.id,"
            + " coalesce(c.binary_judged + c.pair_judged, 0) + coalesce(p.binary_n + p.pair_n, 0) FROM items"
            + " LEFT JOIN judged_counts c ON c.app_id = items.app_id AND c.item = items.id"
            + " LEFT JOIN pending p ON p.item = items.id"
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
                query.setString(2, appId);
                query.setString(3, appId);
                query.setString(4, appId);
                query.setArray(5, array);
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
