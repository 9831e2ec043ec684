package dev.swipeloop.host.deck;

import dev.swipeloop.host.ranking.Knowledge;
import dev.swipeloop.host.settings.AppSettings.DeckSettings;
import dev.swipeloop.host.settings.AppSettingsCache;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.storage.ItemPool;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cards for one rater's next deck. Storage guarantees the never-judged rule and offers
 * candidates least-judged first; with {@code deck.order = learning} this class then keeps the
 * unsettled ones, orders them by what the votes know least ({@link LearningDealer}) and mixes
 * gold cards in at {@code quality.gold.rate} ({@link GoldMixer}). With
 * {@code deck.order = least-judged} the candidates are dealt as storage orders them.
 */
public final class DeckService {
    private static final Logger LOG = LoggerFactory.getLogger(DeckService.class);
    /**
     * Candidates asked for per card (per pair in pair mode, as least-judged decks do): enough to
     * choose from and to pair within prompt groups; more cost deck throughput (bench/deck).
     */
    static final int CANDIDATES_PER_CARD = 4;
    /** When retired items crowd the first candidates, ask again for up to this many. */
    static final int MAX_CANDIDATES = 2_000;

    private final StorageBackend storage;
    private final Knowledge knowledge;
    private final AppSettingsCache settings;
    private volatile boolean poolsUnsupported;

    public DeckService(StorageBackend storage, Knowledge knowledge, AppSettingsCache settings) {
        this.storage = storage;
        this.knowledge = knowledge;
        this.settings = settings;
    }

    public List<Item> binary(String appId, String rater, int limit, RandomGenerator random) {
        DeckSettings deck = settings.of(appId).deck();
        if (!deck.learning()) {
            return storage.deck(appId, rater, VoteKind.BINARY, limit);
        }
        Candidates found = candidates(appId, rater, VoteKind.BINARY, limit, limit * CANDIDATES_PER_CARD, deck);
        List<Item> cards = LearningDealer.binary(found.items(), found.known(), limit, deck);
        return GoldMixer.mix(cards, wanted -> gold(appId, rater, VoteKind.BINARY, wanted, deck), limit, deck.goldRate(),
                random);
    }

    public List<PairDealer.Pair> pairs(String appId, String rater, int limit, RandomGenerator random) {
        DeckSettings deck = settings.of(appId).deck();
        if (!deck.learning()) {
            return PairDealer.deal(storage.deck(appId, rater, VoteKind.PAIR, limit * CANDIDATES_PER_CARD), limit, random);
        }
        Candidates found = candidates(appId, rater, VoteKind.PAIR, limit * 2, limit * CANDIDATES_PER_CARD, deck);
        List<PairDealer.Pair> cards = LearningDealer.pairs(found.items(), found.known(), limit, deck, random);
        // A gold pair needs a gold like and a gold dislike: ask for enough of both kinds.
        return GoldMixer.mix(cards, wanted -> goldPairs(gold(appId, rater, VoteKind.PAIR, wanted * 2 * 2, deck), random),
                limit, deck.goldRate(), random);
    }

    private record Candidates(List<Item> items, Map<String, Knowledge.Known> known) {
    }

    /**
     * At least {@code wanted} unsettled regular items if the app has them: a first page of
     * {@code firstAsk} candidates, and larger ones while retired items crowd it.
     */
    private Candidates candidates(String appId, String rater, VoteKind kind, int wanted, int firstAsk,
                                  DeckSettings deck) {
        int asked = Math.min(firstAsk, MAX_CANDIDATES);
        while (true) {
            List<Item> items = regular(appId, rater, kind, asked);
            Map<String, Knowledge.Known> known = knowledge.of(appId, kind, items.stream().map(Item::id).toList());
            long open = items.stream().filter(item -> !known.getOrDefault(item.id(), Knowledge.Known.NOTHING).settled(deck)).count();
            if (open >= wanted || items.size() < asked || asked >= MAX_CANDIDATES) {
                return new Candidates(items, known);
            }
            asked = Math.min(asked * 4, MAX_CANDIDATES);
        }
    }

    private List<Item> regular(String appId, String rater, VoteKind kind, int limit) {
        if (!poolsUnsupported) {
            try {
                return storage.deck(appId, rater, kind, limit, ItemPool.REGULAR);
            } catch (UnsupportedOperationException e) {
                unsupported(e);
            }
        }
        return storage.deck(appId, rater, kind, limit);
    }

    private List<Item> gold(String appId, String rater, VoteKind kind, int limit, DeckSettings deck) {
        if (deck.goldRate() <= 0 || poolsUnsupported) {
            return List.of();
        }
        try {
            return storage.deck(appId, rater, kind, limit, ItemPool.GOLD);
        } catch (UnsupportedOperationException e) {
            unsupported(e);
            return List.of();
        }
    }

    private void unsupported(UnsupportedOperationException e) {
        if (!poolsUnsupported) {
            poolsUnsupported = true;
            LOG.warn("{}: decks are dealt from all items, without gold cards mixed in", e.getMessage());
        }
    }

    /** A gold pair shows a gold like beside a gold dislike, so it has a right answer. */
    static List<PairDealer.Pair> goldPairs(List<Item> gold, RandomGenerator random) {
        List<Item> likes = new ArrayList<>();
        List<Item> dislikes = new ArrayList<>();
        for (Item item : gold) {
            if (item.gold() == Verdict.LIKE) {
                likes.add(item);
            } else if (item.gold() == Verdict.DISLIKE) {
                dislikes.add(item);
            }
        }
        List<PairDealer.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(likes.size(), dislikes.size()); i++) {
            pairs.add(random.nextBoolean() ? new PairDealer.Pair(likes.get(i), dislikes.get(i))
                    : new PairDealer.Pair(dislikes.get(i), likes.get(i)));
        }
        return pairs;
    }
}
