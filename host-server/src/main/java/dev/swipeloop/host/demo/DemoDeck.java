package dev.swipeloop.host.demo;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo deck: eight prompts, each rendered by three pretend models, so both modes have
 * something to do (binary: 24 cards; pair: three images per prompt group).
 */
final class DemoDeck {
    static final String IMAGE_PATH = "/demo/images/";

    private static final String[] PROMPTS = {
        "a cat astronaut floating over a neon city, synthwave",
        "a frog wizard reading a glowing spellbook, storybook style",
        "a corgi surfing a giant wave at sunset, 35mm photo",
        "a cathedral made of candy glass, volumetric light",
        "a robot barista pouring latte art, isometric",
        "a tiny dragon sleeping in a teacup, watercolor",
        "a skateboarding penguin in Tokyo, anime key visual",
        "a lighthouse on a floating island, oil painting",
    };
    private static final String[][] MODELS = {
        {"bubble-diffusion", "1.5"},
        {"shard-xl", "1.0"},
        {"wave-turbo", "2.1"},
    };

    private DemoDeck() {
    }

    /** Paints any missing image under {@code imageDir} and returns the items that show them. */
    static List<Item> create(String appId, Path imageDir) {
        List<Item> items = new ArrayList<>();
        Instant now = Instant.now();
        for (int p = 0; p < PROMPTS.length; p++) {
            for (int m = 0; m < MODELS.length; m++) {
                String id = "demo-" + p + "-" + m;
                long seed = 1000L * p + m;
                DemoImages.paint(imageDir.resolve(id + ".png"), p, m, seed);
                String params = "{\"steps\":" + (20 + 5 * m) + ",\"cfg\":" + (5 + m) + ",\"sampler\":\"euler_a\"}";
                items.add(new Item(appId, id, IMAGE_PATH + id + ".png",
                        new Provenance(PROMPTS[p], "blurry, low quality", MODELS[m][0], MODELS[m][1], seed, params),
                        "prompt-" + p, null, now));
            }
        }
        return items;
    }
}
