package dev.swipeloop.plugins.postgres;

/**
 * Statements that keep {@code judged_counts} in step with the votes, written as the body of a
 * CTE that reads the votes just inserted or deleted from an earlier CTE (with columns app_id,
 * kind, item, right_item): one row per judged item per batch, however many votes it got. A
 * pair vote counts for both of its items, once if both sides are the same item. Callers hold
 * the app's vote lock, so no two transactions change one app's counts at once.
 */
final class JudgedCounts {
    private JudgedCounts() {
    }

    /** Adds the votes of CTE {@code votes} to the counts, creating rows for items judged the first time. */
    static String add(String votes) {
        return "INSERT INTO judged_counts AS c (app_id, item, binary_judged, pair_judged) " + perItem(votes)
                + " ON CONFLICT (app_id, item) DO UPDATE SET binary_judged = c.binary_judged + excluded.binary_judged,"
                + " pair_judged = c.pair_judged + excluded.pair_judged";
    }

    /** Takes the votes of CTE {@code votes} out of the counts. */
    static String subtract(String votes) {
        return "UPDATE judged_counts AS c SET binary_judged = c.binary_judged - g.binary_n,"
                + " pair_judged = c.pair_judged - g.pair_n FROM (" + perItem(votes) + ") AS g (app_id, item, binary_n,"
                + " pair_n) WHERE c.app_id = g.app_id AND c.item = g.item";
    }

    private static String perItem(String votes) {
        return "SELECT app_id, item, count(*) FILTER (WHERE kind = 'binary'), count(*) FILTER (WHERE kind = 'pair')"
                + " FROM (SELECT app_id, kind, item FROM " + votes + " UNION ALL SELECT app_id, kind, right_item FROM "
                + votes + " WHERE right_item <> item) AS judged GROUP BY app_id, item";
    }
}
