package dev.swipeloop.host.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitPlanTest {

    @Test
    void aGroupAlwaysLandsInTheSameSplit() {
        SplitPlan plan = SplitPlan.parse("train:0.8,validation:0.1,test:0.1");
        for (int i = 0; i < 200; i++) {
            String key = "group:" + i;
            assertEquals(plan.splitOf(key), SplitPlan.parse("train:0.8,validation:0.1,test:0.1").splitOf(key));
        }
    }

    @Test
    void splitsFollowTheirWeights() {
        SplitPlan plan = SplitPlan.parse("train:0.9, test:0.1");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(plan.splitOf("prompt:a photo of item " + i), 1, Integer::sum);
        }
        double test = counts.get("test") / 20_000.0;
        assertTrue(test > 0.085 && test < 0.115, "about 10 % in test, got " + test);
        assertEquals(20_000, counts.get("train") + counts.get("test"));
    }

    @Test
    void weightsAreNormalisedAndDescribed() {
        assertEquals("train:0.75,test:0.25", SplitPlan.parse("train:3,test:1").describe());
        assertEquals("train", SplitPlan.TRAIN_ONLY.splitOf("anything"));
    }

    @Test
    void badPlansSayWhatIsWrong() {
        assertNull(SplitPlan.problem("train:1"));
        assertNotNull(SplitPlan.problem("train"));
        assertTrue(SplitPlan.problem("train:0").contains("above 0"));
        assertTrue(SplitPlan.problem("train:x").contains("must be a number"));
        assertTrue(SplitPlan.problem("train:1,train:2").contains("twice"));
        assertNotNull(SplitPlan.problem("Train:1"), "split names are lower case, as datasets expects");
        assertNotNull(SplitPlan.problem("train:NaN"));
    }
}
