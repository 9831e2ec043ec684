package dev.swipeloop.plugins.pickapic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PromptCountsTest {

    @Test
    void countsEachCaptionWithinItsSplit() {
        PromptCounts counts = new PromptCounts();
        counts.add("train", "a fox");
        counts.add("train", "a fox");
        counts.add("test", "a fox");
        counts.add("train", "an owl");

        assertEquals(2, counts.count("train", "a fox"));
        assertEquals(1, counts.count("test", "a fox"));
        assertEquals(1, counts.count("train", "an owl"));
        assertEquals(0, counts.count("validation", "a fox"));
        assertEquals(3, counts.size());
    }

    @Test
    void keepsEveryCountAcrossGrowth() {
        PromptCounts counts = new PromptCounts();
        for (int i = 0; i < 50_000; i++) {
            for (int times = 0; times <= i % 3; times++) {
                counts.add("train", "prompt " + i);
            }
        }

        assertEquals(50_000, counts.size());
        for (int i = 0; i < 50_000; i++) {
            assertEquals(i % 3 + 1, counts.count("train", "prompt " + i), "prompt " + i);
        }
    }
}
