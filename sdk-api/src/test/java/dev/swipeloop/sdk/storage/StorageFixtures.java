package dev.swipeloop.sdk.storage;

import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data for storage contract tests. Every builder fills every field (optional ones too),
 * with values that differ from call to call, so a round-trip check notices a dropped or
 * swapped column.
 *
 * <p>Instants are whole microseconds: that is what backends must keep (PostgreSQL's
 * {@code timestamptz} keeps no more), so they round-trip exactly.
 */
public final class StorageFixtures {
    private static final Instant BASE = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final AtomicLong TICKS = new AtomicLong();

    private StorageFixtures() {
    }

    /** A distinct instant on every call, in whole microseconds, increasing. */
    public static Instant instant() {
        return BASE.plus(TICKS.incrementAndGet() * 1_001, ChronoUnit.MICROS);
    }

    public static App app(String id) {
        return new App(id, "App " + id, List.of("https://" + id + ".example", "http://localhost:5173"),
                "pk_" + id + "_publishable", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "ss_" + id + "_signing", instant());
    }

    /** An item with every provenance field set, a pair group and no gold answer. */
    public static Item item(String appId, String id) {
        long n = TICKS.incrementAndGet();
        Provenance provenance = new Provenance("a red fox in snow, " + id, "blurry, watermark",
                "sdxl", "1.0-" + n, 4_000_000_000L + n, "{\"sampler\":\"dpmpp_2m\",\"steps\":30,\"cfg\":7.5}");
        return new Item(appId, id, "https://cdn.example/" + appId + "/" + id + ".png", provenance,
                "group-" + (n % 3), null, instant());
    }

    /** A bare item: provenance with every field null, no group, a gold answer. */
    public static Item goldItem(String appId, String id, Verdict gold) {
        return new Item(appId, id, "https://cdn.example/" + id + ".webp", Provenance.NONE, null, gold, instant());
    }

    public static List<Item> items(String appId, String prefix, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> item(appId, prefix + i))
                .toList();
    }

    /** A binary vote with every optional field set. */
    public static Vote binaryVote(String appId, String rater, String item, Verdict verdict) {
        long n = TICKS.incrementAndGet();
        return new Vote(UuidV7.next(), appId, rater, "session-" + rater + "-" + (n % 4),
                new Judgement.Binary(item, verdict), 300 + (int) (n % 5000), instant(), 0, instant());
    }

    public static Vote binaryVote(String appId, String rater, String item) {
        return binaryVote(appId, rater, item, Verdict.LIKE);
    }

    /** A pair vote with the optional session, dwell time and client time left out (null). */
    public static Vote pairVote(String appId, String rater, String left, String right, Choice choice) {
        return new Vote(UuidV7.next(), appId, rater, null, new Judgement.Pair(left, right, choice), null, null, 0,
                instant());
    }

    /** A mix of binary and pair votes by three raters, optional fields set and unset. */
    public static List<Vote> mixedVotes(String appId, int count, int salt) {
        List<Vote> votes = new java.util.ArrayList<>();
        Verdict[] verdicts = Verdict.values();
        Choice[] choices = Choice.values();
        for (int i = 0; i < count; i++) {
            String rater = "rater" + ((i + salt) % 3);
            votes.add(i % 2 == 0
                    ? binaryVote(appId, rater, "item" + (i % 11), verdicts[(i / 2) % verdicts.length])
                    : pairVote(appId, rater, "item" + (i % 7), "item" + (i % 5 + 7), choices[(i / 2) % choices.length]));
        }
        return votes;
    }

    /** The same vote id in another app, with otherwise different content. */
    public static Vote sameIdIn(String appId, Vote vote) {
        Vote other = binaryVote(appId, vote.rater() + "-elsewhere", "elsewhere", Verdict.DISLIKE);
        return new Vote(vote.id(), appId, other.rater(), other.session(), other.judgement(), other.dwellMs(),
                other.clientTs(), 0, other.receivedAt());
    }

    /** A different vote that reuses {@code vote}'s id: what a client retry with edited content looks like. */
    public static Vote sameIdDifferentContent(Vote vote) {
        return new Vote(vote.id(), vote.appId(), vote.rater(), "retry-session",
                new Judgement.Binary("another-item", Verdict.SKIP), 1, instant(), 0, instant());
    }

    public static LedgerEntry ledgerEntry(String appId, String rater, long points, UUID voteId) {
        return new LedgerEntry(appId, rater, "points", points, voteId == null ? "streak bonus" : "vote accepted",
                voteId, instant(), 0);
    }
}
