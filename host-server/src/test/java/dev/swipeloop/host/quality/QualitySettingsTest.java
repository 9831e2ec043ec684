package dev.swipeloop.host.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QualitySettingsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        QualitySettings d = QualitySettings.DEFAULTS;
        assertEquals(new QualitySettings(10, 4, 400, 8, 0.75, 50, 0.95, 1000, 1000, 10, 2.0, 0.10), d);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QualitySettings(65, 0, 0, 0, 1.5, 0, 0.5, 0, 0, 0, 0.5, -0.1));
        String message = e.getMessage();
        for (String name : new String[] {"fastWindowVotes must be 1 to 64, was 65", "fastVotesToFlag", "fastDwellMs",
                "goldMinAnswers", "goldMinAccuracy", "patternMinVotes", "patternShare", "dailyCap",
                "alarmWindowVotes", "alarmBaselineWindows", "alarmRatio", "alarmMinRise"}) {
            assertTrue(message.contains(name), name + " missing from: " + message);
        }
    }

    @Test
    void moreFastVotesThanTheWindowHoldsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QualitySettings(10, 11, 400, 8, 0.75, 50, 0.95, 1000, 1000, 10, 2.0, 0.10));
        assertEquals("Invalid rater-quality settings: fastVotesToFlag must be 1 to fastWindowVotes (10), was 11",
                e.getMessage());
    }

    @Test
    void notANumberIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new QualitySettings(10, 4, 400, 8, Double.NaN, 50, 0.95, 1000, 1000, 10, 2.0, 0.10));
    }
}
