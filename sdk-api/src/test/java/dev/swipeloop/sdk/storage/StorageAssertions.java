package dev.swipeloop.sdk.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Vote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Checks shared by storage contract tests; usable from a plugin's own tests as well. */
public final class StorageAssertions {
    /** The page size {@link #allVotes} reads with: small, so every test crosses pages. */
    public static final int PAGE = 10;

    private StorageAssertions() {
    }

    /** Every vote of the app through the cursor, a small page at a time, checking seq order. */
    public static List<Vote> allVotes(StorageBackend storage, String appId) {
        List<Vote> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Vote> page = storage.votesAfter(appId, after, PAGE);
            assertTrue(page.size() <= PAGE, "a page holds at most the limit");
            for (Vote vote : page) {
                assertTrue(vote.seq() > after, "seq " + vote.seq() + " came after " + after);
                after = vote.seq();
            }
            all.addAll(page);
            if (page.isEmpty()) {
                return all;
            }
        }
    }

    /** The votes as they must read back: each stored (none a duplicate) under its reported seq. */
    public static List<Vote> storedAs(List<Vote> votes, AppendResult result) {
        assertEquals(votes.size(), result.size());
        List<Vote> stored = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            assertTrue(result.stored(i), "vote " + i + " is new and must be stored");
            stored.add(votes.get(i).withSeq(result.seq(i)));
        }
        return stored;
    }

    /** Positive, unique and in input order. */
    public static void assertStrictlyIncreasing(long[] seqs) {
        long[] sorted = seqs.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, seqs, "seqs follow input order");
        assertEquals(seqs.length, Arrays.stream(seqs).distinct().count(), "seqs are unique");
        assertTrue(seqs.length == 0 || seqs[0] > 0, "seqs are positive");
    }
}
