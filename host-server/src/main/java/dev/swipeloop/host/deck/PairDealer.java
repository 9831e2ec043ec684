package dev.swipeloop.host.deck;

import dev.swipeloop.sdk.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Forms pairs for pair mode from candidate items (least-judged first, as storage returns
 * them). Two images of the same {@code group} (same prompt) make the most useful comparison,
 * so those pairs come first; items without a partner of their group are then paired with each
 * other. Left and right are shuffled so position bias does not line up with deck order.
 */
public final class PairDealer {
    public record Pair(Item left, Item right) {
    }

    private PairDealer() {
    }

    public static List<Pair> deal(List<Item> candidates, int limit, RandomGenerator random) {
        boolean[] used = new boolean[candidates.size()];
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < candidates.size() && pairs.size() < limit; i++) {
            String group = candidates.get(i).group();
            if (used[i] || group == null) {
                continue;
            }
            for (int j = i + 1; j < candidates.size(); j++) {
                if (!used[j] && group.equals(candidates.get(j).group())
                        && !Objects.equals(candidates.get(i).id(), candidates.get(j).id())) {
                    used[i] = true;
                    used[j] = true;
                    pairs.add(oriented(candidates.get(i), candidates.get(j), random));
                    break;
                }
            }
        }
        int waiting = -1;
        for (int i = 0; i < candidates.size() && pairs.size() < limit; i++) {
            if (used[i]) {
                continue;
            }
            if (waiting < 0) {
                waiting = i;
            } else {
                used[waiting] = true;
                used[i] = true;
                pairs.add(oriented(candidates.get(waiting), candidates.get(i), random));
                waiting = -1;
            }
        }
        return pairs;
    }

    private static Pair oriented(Item a, Item b, RandomGenerator random) {
        return random.nextBoolean() ? new Pair(a, b) : new Pair(b, a);
    }
}
