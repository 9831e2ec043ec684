package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Map;
import java.util.RandomAccess;
import java.util.UUID;

/**
 * One rater's entries under one policy, held as columns of primitives (about 56 bytes an entry
 * instead of the 150 of a {@link LedgerEntry} with its UUID and instants), so that many more
 * raters' ledgers fit in memory. Reads give {@link LedgerEntry} records made on the fly; the
 * app, rater and policy are the same for all, and reasons are shared through {@code reasons}.
 */
final class CompactEntries extends AbstractList<LedgerEntry> implements RandomAccess {
    private static final long NONE = Long.MIN_VALUE;

    private final String appId;
    private final String rater;
    private final String policy;
    private final Map<String, String> reasons;
    private long[] seqs = new long[4];
    private long[] points = new long[4];
    private long[] atMicros = new long[4];
    private long[] vestsAtMicros = new long[4];
    private long[] voteHigh = new long[4];
    private long[] voteLow = new long[4];
    private String[] reasonOf = new String[4];
    private boolean[] hasVote = new boolean[4];
    private int size;

    /** @param reasons the app's reason strings, so that 10,000 "vote" reasons are one string */
    CompactEntries(String appId, String rater, String policy, Map<String, String> reasons) {
        this.appId = appId;
        this.rater = rater;
        this.policy = policy;
        this.reasons = reasons;
    }

    void append(LedgerEntry entry) {
        if (size == seqs.length) {
            int capacity = size * 2;
            seqs = Arrays.copyOf(seqs, capacity);
            points = Arrays.copyOf(points, capacity);
            atMicros = Arrays.copyOf(atMicros, capacity);
            vestsAtMicros = Arrays.copyOf(vestsAtMicros, capacity);
            voteHigh = Arrays.copyOf(voteHigh, capacity);
            voteLow = Arrays.copyOf(voteLow, capacity);
            reasonOf = Arrays.copyOf(reasonOf, capacity);
            hasVote = Arrays.copyOf(hasVote, capacity);
        }
        seqs[size] = entry.seq();
        points[size] = entry.points();
        atMicros[size] = micros(entry.at());
        vestsAtMicros[size] = entry.vestsAt() == null ? NONE : micros(entry.vestsAt());
        hasVote[size] = entry.voteId() != null;
        if (entry.voteId() != null) {
            voteHigh[size] = entry.voteId().getMostSignificantBits();
            voteLow[size] = entry.voteId().getLeastSignificantBits();
        }
        reasonOf[size] = entry.reason() == null ? null : reasons.computeIfAbsent(entry.reason(), r -> r);
        size++;
    }

    @Override
    public LedgerEntry get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new LedgerEntry(appId, rater, policy, points[index], reasonOf[index],
                hasVote[index] ? new UUID(voteHigh[index], voteLow[index]) : null, instant(atMicros[index]),
                seqs[index], vestsAtMicros[index] == NONE ? null : instant(vestsAtMicros[index]));
    }

    @Override
    public int size() {
        return size;
    }

    /** The points of every entry, without making records of them (tiers ask this for every vote). */
    long points() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += points[i];
        }
        return sum;
    }

    /** The points of the entries vested at {@code time}, as {@link LedgerEntry#vestedAt} says. */
    long vestedPoints(Instant time) {
        long limit = micros(time);
        long sum = 0;
        for (int i = 0; i < size; i++) {
            long vests = vestsAtMicros[i] == NONE ? atMicros[i] : vestsAtMicros[i];
            if (vests <= limit) {
                sum += points[i];
            }
        }
        return sum;
    }

    // Storage keeps microseconds (what PostgreSQL keeps), so nothing finer is lost here.
    private static long micros(Instant time) {
        return time == null ? NONE : Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    }

    private static Instant instant(long micros) {
        return micros == NONE ? null : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
