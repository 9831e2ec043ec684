package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** A {@link Vote} to the parameters of {@link VoteSql#INSERT}, and a votes row back to a Vote. */
final class VoteRows {
    private VoteRows() {
    }

    /** {@code receivedAt} stands in when the vote carries none. */
    static void bind(PreparedStatement insert, Vote vote, long seq, Instant receivedAt) throws SQLException {
        insert.setLong(1, seq);
        insert.setString(2, vote.appId());
        insert.setBytes(3, Columns.bytes(vote.id()));
        insert.setString(4, vote.rater());
        insert.setString(5, vote.session());
        insert.setString(6, vote.judgement().kind().wire());
        if (vote.judgement() instanceof Judgement.Binary binary) {
            insert.setString(7, binary.item());
            insert.setNull(8, Types.VARCHAR);
            insert.setString(9, binary.verdict().wire());
        } else if (vote.judgement() instanceof Judgement.Pair pair) {
            insert.setString(7, pair.left());
            insert.setString(8, pair.right());
            insert.setString(9, pair.choice().wire());
        }
        Columns.setLong(insert, 10, vote.dwellMs());
        Columns.setInstant(insert, 11, vote.clientTs());
        Columns.setInstant(insert, 12, vote.receivedAt() != null ? vote.receivedAt() : receivedAt);
        insert.setInt(13, vote.verified() ? 1 : 0);
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
                row.getInt("verified") == 1);
    }
}
