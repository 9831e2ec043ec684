package dev.swipeloop.host.ranking;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items an app's votes mention, by a dense index, with what rankings group them by: the
 * generator model, the prompt group, and the gold answer of honeypots. Items are learnt as
 * votes arrive (their provenance is read from storage then), so the index covers only judged
 * items. An item changed after its first vote keeps its first model and group until the board
 * is rebuilt.
 */
final class Catalogue {
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final List<String> itemIds = new ArrayList<>();
    private final List<Integer> itemModel = new ArrayList<>();
    private final List<String> itemGroup = new ArrayList<>();
    private final List<Verdict> itemGold = new ArrayList<>();
    private final Map<String, Integer> modelIndex = new HashMap<>();
    private final List<String> modelIds = new ArrayList<>();

    boolean knows(String itemId) {
        return itemIndex.containsKey(itemId);
    }

    /** Adds the item (once); an id storage no longer has is added bare. Returns its index. */
    int add(String itemId, Item item) {
        Integer known = itemIndex.get(itemId);
        if (known != null) {
            return known;
        }
        int index = itemIds.size();
        itemIndex.put(itemId, index);
        itemIds.add(itemId);
        String model = item == null ? null : item.provenance().model();
        itemModel.add(model == null ? -1 : modelIndex.computeIfAbsent(model, m -> {
            modelIds.add(m);
            return modelIds.size() - 1;
        }));
        itemGroup.add(item == null ? null : item.group());
        Verdict gold = item == null ? null : item.gold();
        itemGold.add(gold == Verdict.SKIP ? null : gold);
        return index;
    }

    int indexOf(String itemId) {
        Integer index = itemIndex.get(itemId);
        return index == null ? -1 : index;
    }

    int items() {
        return itemIds.size();
    }

    String itemId(int item) {
        return itemIds.get(item);
    }

    /** The item's model index, -1 when its provenance names none. */
    int modelOf(int item) {
        return itemModel.get(item);
    }

    String groupOf(int item) {
        return itemGroup.get(item);
    }

    /** LIKE or DISLIKE for a gold item, else null. */
    Verdict goldOf(int item) {
        return itemGold.get(item);
    }

    Verdict goldOf(String itemId) {
        int index = indexOf(itemId);
        return index < 0 ? null : goldOf(index);
    }

    int models() {
        return modelIds.size();
    }

    String modelId(int model) {
        return modelIds.get(model);
    }

    int modelIndexOf(String model) {
        Integer index = modelIndex.get(model);
        return index == null ? -1 : index;
    }
}
