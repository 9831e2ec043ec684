package dev.swipeloop.plugins.postgres;

/**
 * Keeps {@code judged_counts} in step with the folded votes ({@link VoteFolds}): one row per
 * judged item per statement, however many of its votes judged it. A pair vote counts for both
 * of its items, once if both sides are the same item. Callers hold the app's fold lock, so no
 * two transactions change one app's counts at once.
 */
final class JudgedCounts {
    private JudgedCounts() {
    }

    /**
     * A query of (app_id, item, binary_n, pair_n), the judgements per item of CTE
     * {@code votes} (columns app_id, kind, item, right_item), by the rule above.
     */
    static String perItem(String votes) {
        return "SELECT app_id, item, count(*) FILTER (WHERE kind = 'binary') AS binary_n,"
                + " count(*) FILTER (WHERE kind = 'pair') AS pair_n"
                + " FROM (SELECT app_id, kind, item FROM " + votes + " UNION ALL SELECT app_id, kind, right_item FROM "
                + votes + " WHERE right_item <> item) AS judged GROUP BY app_id, item";
    }

    /** An upsert that adds the judgements of CTE {@code votes} to the counts, in key order; creates rows for new items. */
    static String add(String votes) {
        return "INSERT INTO judged_counts AS c (app_id, item, binary_judged, pair_judged) SELECT * FROM ("
                + perItem(votes) + ") AS g ORDER BY app_id, item"
                + " ON CONFLICT (app_id, item) DO UPDATE SET binary_judged = c.binary_judged + excluded.binary_judged,"
                + " pair_judged = c.pair_judged + excluded.pair_judged";
    }

    /**
     * CTEs that take the judgements of CTE {@code votes} (just deleted) out of the counts: an
     * item left with no judgement loses its row (else a migrated placeholder vote, or an erased
     * rater's only item, would leave rows at zero behind for ever); the others are lowered.
     */
    static String subtract(String votes) {
        String matches = " WHERE c.app_id = g.app_id AND c.item = g.item AND ";
        String emptied = "c.binary_judged = g.binary_n AND c.pair_judged = g.pair_n";
        return "taken AS (" + perItem(votes) + "), emptied AS (DELETE FROM judged_counts AS c USING taken AS g"
                + matches + emptied + "), lowered AS (UPDATE judged_counts AS c SET binary_judged = c.binary_judged"
                + " - g.binary_n, pair_judged = c.pair_judged - g.pair_n FROM taken AS g" + matches + "NOT (" + emptied
                + "))";
    }
}
