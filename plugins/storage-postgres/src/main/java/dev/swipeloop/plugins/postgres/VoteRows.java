package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Votes to the column arrays of {@link VoteSql#APPEND_SKIPPING_KNOWN} and {@link VoteSql#RESTORE}, and a votes row back to a Vote. */
final class VoteRows {
    private VoteRows() {
    }

    /**
     * Binds {@code votes} as the eleven column arrays of {@link VoteSql#APPEND_SKIPPING_KNOWN}, from id to
     * verified; {@code receivedAt} stands in for a vote that carries no received time.
     */
    static void bindColumns(ArrayParameters parameters, List<Vote> votes, Instant receivedAt) throws SQLException {
        int n = votes.size();
        UUID[] ids = new UUID[n];
        String[] raters = new String[n];
        String[] sessions = new String[n];
        String[] kinds = new String[n];
        String[] items = new String[n];
        String[] rightItems = new String[n];
        String[] answers = new String[n];
        Integer[] dwellMs = new Integer[n];
        Long[] clientTs = new Long[n];
        Long[] received = new Long[n];
        Boolean[] verified = new Boolean[n];
        long defaultReceived = Columns.micros(receivedAt);
        for (int i = 0; i < n; i++) {
            Vote vote = votes.get(i);
            ids[i] = vote.id();
            raters[i] = vote.rater();
            sessions[i] = vote.session();
            kinds[i] = vote.judgement().kind().wire();
            if (vote.judgement() instanceof Judgement.Binary binary) {
                items[i] = binary.item();
                answers[i] = binary.verdict().wire();
            } else if (vote.judgement() instanceof Judgement.Pair pair) {
                items[i] = pair.left();
                rightItems[i] = pair.right();
                answers[i] = pair.choice().wire();
            }
            dwellMs[i] = vote.dwellMs();
            clientTs[i] = Columns.microsOrNull(vote.clientTs());
            received[i] = vote.receivedAt() != null ? Columns.micros(vote.receivedAt()) : defaultReceived;
            verified[i] = vote.verified();
        }
        parameters.add("uuid", ids).add("text", raters).add("text", sessions)
                .add("text", kinds).add("text", items).add("text", rightItems).add("text", answers).add("int4", dwellMs)
                .add("int8", clientTs).add("int8", received).add("bool", verified);
    }

    /** Binds {@code votes} as the thirteen column arrays of {@link VoteSql#RESTORE}, their own seqs and apps first. */
    static void bindRestored(ArrayParameters parameters, List<Vote> votes, Instant receivedAt) throws SQLException {
        parameters.add("int8", votes.stream().map(Vote::seq).toArray(Long[]::new))
                .add("text", votes.stream().map(Vote::appId).toArray(String[]::new));
        bindColumns(parameters, votes, receivedAt);
    }

    /** Reads a row selected with {@link VoteSql#COLUMNS}. */
    static Vote read(ResultSet row) throws SQLException {
        VoteKind kind = VoteKind.fromWire(row.getString("kind"));
        Judgement judgement = kind == VoteKind.BINARY
                ? new Judgement.Binary(row.getString("item"), Verdict.fromWire(row.getString("answer")))
                : new Judgement.Pair(row.getString("item"), row.getString("right_item"),
                        Choice.fromWire(row.getString("answer")));
        return new Vote(Columns.getUuid(row, "id"), row.getString("app_id"), row.getString("rater"),
                row.getString("session"), judgement, Columns.getInt(row, "dwell_ms"),
                Columns.getInstant(row, "client_ts"), row.getLong("seq"), Columns.getInstant(row, "received_at"),
                row.getBoolean("verified"));
    }
}
