package dev.swipeloop.plugins.text;

import static dev.swipeloop.sdk.export.ExportFixtures.APP;
import static dev.swipeloop.sdk.export.ExportFixtures.binary;
import static dev.swipeloop.sdk.export.ExportFixtures.item;
import static dev.swipeloop.sdk.export.ExportFixtures.pair;
import static dev.swipeloop.sdk.export.ExportFixtures.with;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Verdict;
import java.util.List;

/**
 * One small history with every case the full exports must carry: both kinds, every verdict
 * and choice, a gold item with no provenance (on either side of a pair, so readers type its
 * {@code gold} from a value), a flagged row in another split, a derived pair. Prompts come from {@code ExportFixtures}: quotes, commas, a newline,
 * non-ASCII.
 */
final class TextFixtures {
    static final Item A = item("a", "g1", "sdxl");
    static final Item B = item("b", "g1", "flux");
    static final Item GOLD = new Item(APP, "gold-1", "https://cdn.example/gold-1.png", Provenance.NONE, null,
            Verdict.DISLIKE, A.updatedAt());

    static final ExportRow LIKE = binary(1, "alice", A, Verdict.LIKE);
    static final ExportRow DISLIKE_GOLD = binary(2, "bob", GOLD, Verdict.DISLIKE);
    static final ExportRow RIGHT_WON = pair(3, "carol", A, B, Choice.RIGHT);
    static final ExportRow TIE = pair(4, "carol", B, GOLD, Choice.TIE);
    static final ExportRow FLAGGED_SKIP = with(binary(5, "dave", B, Verdict.SKIP), "test", List.of("fast", "gold-miss"),
            false);
    static final ExportRow DERIVED_LEFT_WON = with(pair(6, "erin", B, A, Choice.LEFT), "train", List.of(), true);
    static final ExportRow PAIR_SKIP = pair(7, "frank", GOLD, A, Choice.SKIP);

    static final List<ExportRow> ALL = List.of(LIKE, DISLIKE_GOLD, RIGHT_WON, TIE, FLAGGED_SKIP, DERIVED_LEFT_WON,
            PAIR_SKIP);

    private TextFixtures() {
    }

    /** {@code item} with another prompt, everything else kept. */
    static Item withPrompt(Item item, String prompt) {
        Provenance p = item.provenance();
        return new Item(item.appId(), item.id(), item.imageUrl(),
                new Provenance(prompt, p.negativePrompt(), p.model(), p.modelVersion(), p.seed(), p.paramsJson()),
                item.group(), item.gold(), item.updatedAt());
    }

    /** {@code item} with other generation params, everything else kept. */
    static Item withParams(Item item, String paramsJson) {
        Provenance p = item.provenance();
        return new Item(item.appId(), item.id(), item.imageUrl(),
                new Provenance(p.prompt(), p.negativePrompt(), p.model(), p.modelVersion(), p.seed(), paramsJson),
                item.group(), item.gold(), item.updatedAt());
    }

    /** {@code item} without an image URL, everything else kept. */
    static Item withoutImage(Item item) {
        return new Item(item.appId(), item.id(), null, item.provenance(), item.group(), item.gold(), item.updatedAt());
    }
}
