package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Ledger entries to {@code ledger} rows and back, shared by the writes and the reads. */
final class LedgerRows {
    static final String COLUMNS = "seq, app_id, rater, policy, points, reason, vote_id, at, vests_at";
    private static final String ENTRY_ARRAYS =
            "?::text[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::uuid[], ?::int8[], ?::int8[]";
    /** Seqs are drawn in array order, so the returned ones, sorted, follow the input. */
    private static final String INSERT = "INSERT INTO ledger (" + COLUMNS + ") SELECT nextval('ledger_seqs'), e.*"
            + " FROM unnest(" + ENTRY_ARRAYS + ") AS e RETURNING seq";
    static final String RESTORE = "INSERT INTO ledger (" + COLUMNS + ") SELECT * FROM unnest(?::int8[], "
            + ENTRY_ARRAYS + ")";

    private LedgerRows() {
    }

    /**
     * Inserts the entries under fresh seqs inside the caller's transaction, which holds their
     * apps' ledger locks, and returns them as stored: with their seqs, and {@code now} for an
     * entry that carries no time.
     */
    static List<LedgerEntry> insert(Connection connection, List<LedgerEntry> entries, Instant now) throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<LedgerEntry> timed = new ArrayList<>(entries.size());
        for (LedgerEntry e : entries) {
            timed.add(e.at() != null ? e : new LedgerEntry(e.appId(), e.rater(), e.policy(), e.points(), e.reason(),
                    e.voteId(), now, e.seq(), e.vestsAt()));
        }
        long[] seqs = new long[timed.size()];
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             ArrayParameters columns = new ArrayParameters(connection, insert)) {
            bindColumns(columns, timed);
            try (ResultSet rows = insert.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    seqs[i] = rows.getLong(1);
                }
            }
        }
        Arrays.sort(seqs);
        List<LedgerEntry> stored = new ArrayList<>(timed.size());
        for (int i = 0; i < seqs.length; i++) {
            stored.add(timed.get(i).withSeq(seqs[i]));
        }
        return List.copyOf(stored);
    }

    /** Binds the eight column arrays from app_id to vests_at. */
    static void bindColumns(ArrayParameters parameters, List<LedgerEntry> entries) throws SQLException {
        int n = entries.size();
        String[] apps = new String[n];
        String[] raters = new String[n];
        String[] policies = new String[n];
        Long[] points = new Long[n];
        String[] reasons = new String[n];
        UUID[] voteIds = new UUID[n];
        Long[] at = new Long[n];
        Long[] vestsAt = new Long[n];
        for (int i = 0; i < n; i++) {
            LedgerEntry entry = entries.get(i);
            apps[i] = entry.appId();
            raters[i] = entry.rater();
            policies[i] = entry.policy();
            points[i] = entry.points();
            reasons[i] = entry.reason();
            voteIds[i] = entry.voteId();
            at[i] = Columns.microsOrNull(entry.at());
            vestsAt[i] = Columns.microsOrNull(entry.vestsAt());
        }
        parameters.add("text", apps).add("text", raters).add("text", policies).add("int8", points)
                .add("text", reasons).add("uuid", voteIds).add("int8", at).add("int8", vestsAt);
    }

    /** Every row of a query that selects {@link #COLUMNS}, parameters already set. */
    static List<LedgerEntry> readAll(PreparedStatement query) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                entries.add(new LedgerEntry(row.getString("app_id"), row.getString("rater"), row.getString("policy"),
                        row.getLong("points"), row.getString("reason"), Columns.getUuid(row, "vote_id"),
                        Columns.getInstant(row, "at"), row.getLong("seq"), Columns.getInstant(row, "vests_at")));
            }
        }
        return entries;
    }
}
