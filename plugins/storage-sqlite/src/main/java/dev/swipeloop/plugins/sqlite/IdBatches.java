package dev.swipeloop.plugins.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.StringJoiner;

/**
 * Splits a list of item ids into {@code IN (…)} lists of at most {@link #MAX_IDS} bound
 * parameters each. SQLite caps the parameters of one statement (32766 since 3.32, 999 before);
 * 500 stays far below either and keeps each statement's text small, while an export's page of
 * votes needs only a few statements.
 */
final class IdBatches {
    static final int MAX_IDS = 500;

    private IdBatches() {
    }

    /** The distinct ids, in first-seen order, in slices of at most {@link #MAX_IDS}. */
    static List<List<String>> of(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += MAX_IDS) {
            batches.add(distinct.subList(from, Math.min(distinct.size(), from + MAX_IDS)));
        }
        return batches;
    }

    /** {@code ?first, ?first+1, …}: numbered, so they can follow numbered parameters such as {@code ?1}. */
    static String parameters(int first, int count) {
        StringJoiner list = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            list.add("?" + (first + i));
        }
        return list.toString();
    }

    /** Binds {@code ids} to the parameters from {@code first} on. */
    static void bind(PreparedStatement statement, int first, List<String> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setString(first + i, ids.get(i));
        }
    }
}
