package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.reward.LeaderboardRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sums over an app's ledger: the points since a time (app-wide caps) and the leaderboard. */
final class LedgerSums {
    /** Every rater and policy, vested or not, clawbacks left out: one range of ledger_by_app_time. */
    static final String POINTS_SINCE = "SELECT coalesce(sum(points), 0) FROM ledger"
            + " WHERE app_id = ? AND at >= ? AND points > 0";

    /**
     * App, period start (inclusive), the time points must be vested by (inclusive), the limit.
     * Only raters with a listed profile; a rater whose points in the period sum to 0 or less
     * (clawed back) is left out. Ties go by rater id in byte order (the column's COLLATE "C"),
     * as in SQLite.
     */
    static final String LEADERBOARD = """
            SELECT p.rater AS rater, p.display_name AS display_name, sum(l.points) AS points \
            FROM rater_profiles p JOIN ledger l ON l.app_id = p.app_id AND l.rater = p.rater \
            WHERE p.app_id = ? AND p.listed AND l.at >= ? AND coalesce(l.vests_at, l.at) <= ? \
            GROUP BY p.rater, p.display_name HAVING sum(l.points) > 0 \
            ORDER BY points DESC, p.rater LIMIT ?""";

    private final PostgresDatabase database;

    LedgerSums(PostgresDatabase database) {
        this.database = database;
    }

    long pointsSince(String appId, Instant since) {
        return database.read("sum the ledger of app " + appId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(POINTS_SINCE)) {
                query.setString(1, appId);
                Columns.setInstant(query, 2, since);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    List<LeaderboardRow> leaderboard(String appId, Instant since, Instant vestedBy, int limit) {
        return database.read("rank the listed raters of app " + appId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(LEADERBOARD)) {
                query.setString(1, appId);
                Columns.setInstant(query, 2, since);
                Columns.setInstant(query, 3, vestedBy);
                query.setInt(4, limit);
                List<LeaderboardRow> rows = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows.add(new LeaderboardRow(row.getString("rater"), row.getString("display_name"),
                                row.getLong("points")));
                    }
                }
                return rows;
            }
        });
    }
}
