package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Vote;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps {@code judged_counts} in step with the votes: one row per judged item per batch,
 * however many of the batch's votes judged it. A pair vote counts for both of its items, once
 * if both sides are the same item. Callers hold the app's vote lock, so no two transactions
 * change one app's counts at once.
 */
final class JudgedCounts {
    /**
     * Parameters: app_id text[], item text[], binary votes int8[], pair votes int8[], one element
     * per item: how much each count changes. Creates rows for items judged the first time.
     */
    static final String ADD = """
            INSERT INTO judged_counts AS c (app_id, item, binary_judged, pair_judged) \
            SELECT * FROM unnest(?::text[], ?::text[], ?::int8[], ?::int8[]) \
            ON CONFLICT (app_id, item) DO UPDATE SET binary_judged = c.binary_judged + excluded.binary_judged, \
            pair_judged = c.pair_judged + excluded.pair_judged""";

    private JudgedCounts() {
    }

    /** Adds (sign 1) or takes out (sign -1) the judgements of {@code votes}, in a statement of its own. */
    static void add(Connection connection, List<Vote> votes, int sign) throws SQLException {
        if (votes.isEmpty()) {
            return;
        }
        try (PreparedStatement add = connection.prepareStatement(ADD);
             ArrayParameters columns = new ArrayParameters(connection, add)) {
            bind(columns, votes, sign);
            add.executeUpdate();
        }
    }

    /** Binds the four arrays of {@link #ADD}: the votes' judgements per item, in (app, item) order, times {@code sign}. */
    static void bind(ArrayParameters parameters, List<Vote> votes, int sign) throws SQLException {
        Map<ItemKey, long[]> perItem = new TreeMap<>();
        for (Vote vote : votes) {
            if (vote.judgement() instanceof Judgement.Binary binary) {
                count(perItem, vote.appId(), binary.item(), 0, sign);
            } else if (vote.judgement() instanceof Judgement.Pair pair) {
                count(perItem, vote.appId(), pair.left(), 1, sign);
                if (!pair.right().equals(pair.left())) {
                    count(perItem, vote.appId(), pair.right(), 1, sign);
                }
            }
        }
        int n = perItem.size();
        String[] apps = new String[n];
        String[] items = new String[n];
        Long[] binary = new Long[n];
        Long[] pair = new Long[n];
        int i = 0;
        for (Map.Entry<ItemKey, long[]> entry : perItem.entrySet()) {
            apps[i] = entry.getKey().appId();
            items[i] = entry.getKey().item();
            binary[i] = entry.getValue()[0];
            pair[i] = entry.getValue()[1];
            i++;
        }
        parameters.add("text", apps).add("text", items).add("int8", binary).add("int8", pair);
    }

    /**
     * The body of a CTE that takes the votes of CTE {@code votes} (columns app_id, kind, item,
     * right_item), just deleted, out of the counts.
     */
    static String subtract(String votes) {
        return "UPDATE judged_counts AS c SET binary_judged = c.binary_judged - g.binary_n,"
                + " pair_judged = c.pair_judged - g.pair_n FROM (SELECT app_id, item,"
                + " count(*) FILTER (WHERE kind = 'binary') AS binary_n, count(*) FILTER (WHERE kind = 'pair') AS pair_n"
                + " FROM (SELECT app_id, kind, item FROM " + votes + " UNION ALL SELECT app_id, kind, right_item FROM "
                + votes + " WHERE right_item <> item) AS judged GROUP BY app_id, item) AS g"
                + " WHERE c.app_id = g.app_id AND c.item = g.item";
    }

    private static void count(Map<ItemKey, long[]> perItem, String appId, String item, int kind, int sign) {
        perItem.computeIfAbsent(new ItemKey(appId, item), key -> new long[2])[kind] += sign;
    }

    private record ItemKey(String appId, String item) implements Comparable<ItemKey> {
        @Override
        public int compareTo(ItemKey other) {
            int byApp = appId.compareTo(other.appId);
            return byApp != 0 ? byApp : item.compareTo(other.item);
        }
    }
}
