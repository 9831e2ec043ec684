package dev.swipeloop.host.deck;

import dev.swipeloop.host.ranking.Knowledge.Known;
import dev.swipeloop.host.settings.AppSettings.DeckSettings;
import dev.swipeloop.sdk.model.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Deals the cards that teach the most from each swipe. Binary: the least-known items first
 * (widest interval, then fewest votes). Pairs: as Chatbot Arena spends its battles, on the
 * pairs whose intervals overlap most, since their order is what the votes do not know yet;
 * images of one prompt group first, as those are the comparisons rankings fit. Items whose
 * score has settled (enough votes, or an interval narrow enough) are retired and not dealt.
 */
public final class LearningDealer {
    /** Random share added to a pair's overlap, so equally good pairs are not always dealt in the same order. */
    static final double JITTER = 0.05;
    /** Unsettled candidates weighed per pair asked for; the number of pairs weighed grows with its square. */
    static final int PAIR_CANDIDATES_PER_CARD = 8;

    private LearningDealer() {
    }

    /** Up to {@code limit} of the candidates, unsettled ones only, least known first. */
    public static List<Item> binary(List<Item> candidates, Map<String, Known> known, int limit, DeckSettings settings) {
        List<Item> open = open(candidates, known, settings);
        open.sort(Comparator.comparingDouble((Item item) -> -of(known, item).width())
                .thenComparingLong(item -> of(known, item).votes()));
        return open.subList(0, Math.min(limit, open.size()));
    }

    /** Up to {@code limit} pairs of unsettled candidates, each item in one pair at most, most-overlapping first. */
    public static List<PairDealer.Pair> pairs(List<Item> candidates, Map<String, Known> known, int limit,
                                              DeckSettings settings, RandomGenerator random) {
        List<Item> open = open(candidates, known, settings);
        // Every two candidates are weighed: keep that to the first few per pair asked for.
        open = open.subList(0, Math.min(open.size(), limit * PAIR_CANDIDATES_PER_CARD));
        record Option(Item a, Item b, boolean sameGroup, double value) {
        }
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            for (int j = i + 1; j < open.size(); j++) {
                Item a = open.get(i);
                Item b = open.get(j);
                if (a.id().equals(b.id())) {
                    continue;
                }
                boolean sameGroup = a.group() != null && a.group().equals(b.group());
                double value = overlap(of(known, a), of(known, b)) * (1 + JITTER * random.nextDouble());
                options.add(new Option(a, b, sameGroup, value));
            }
        }
        options.sort(Comparator.comparing(Option::sameGroup).reversed()
                .thenComparing(Comparator.comparingDouble(Option::value).reversed()));
        Set<String> used = new HashSet<>();
        List<PairDealer.Pair> pairs = new ArrayList<>();
        for (Option option : options) {
            if (pairs.size() == limit) {
                break;
            }
            if (used.contains(option.a().id()) || used.contains(option.b().id())) {
                continue;
            }
            used.add(option.a().id());
            used.add(option.b().id());
            pairs.add(random.nextBoolean() ? new PairDealer.Pair(option.a(), option.b())
                    : new PairDealer.Pair(option.b(), option.a()));
        }
        return pairs;
    }

    /** How much of the two intervals is shared: 1 for two unknown items, 0 for separated ones. */
    static double overlap(Known a, Known b) {
        return Math.max(0, Math.min(a.upper(), b.upper()) - Math.max(a.lower(), b.lower()));
    }

    private static List<Item> open(List<Item> candidates, Map<String, Known> known, DeckSettings settings) {
        List<Item> open = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item item : candidates) {
            if (seen.add(item.id()) && !of(known, item).settled(settings)) {
                open.add(item);
            }
        }
        return open;
    }

    private static Known of(Map<String, Known> known, Item item) {
        return Objects.requireNonNullElse(known.get(item.id()), Known.NOTHING);
    }
}
