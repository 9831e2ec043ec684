package dev.swipeloop.host.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.swipeloop.sdk.config.ConfigError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommonOptionsTest {

    @Test
    void defaultsExportEverythingIntoTrain() {
        CommonOptions options = CommonOptions.from(CommonOptions.SPEC.parse(Map.of()));
        assertNull(options.since());
        assertEquals(0, options.minVotes());
        assertFalse(options.derivedPairs());
        assertNull(options.afterSeq());
        assertEquals("train:1", options.splits().describe());
    }

    @Test
    void valuesAreParsed() {
        CommonOptions options = CommonOptions.from(CommonOptions.SPEC.parse(Map.of("since", "2026-11-01T00:00:00Z",
                "minVotes", "3", "splits", "train:9,test:1", "afterSeq", "42", "fetchMedia", "true")));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), options.since());
        assertEquals(3, options.minVotes());
        assertEquals(42L, options.afterSeq());
        assertEquals("train:0.9,test:0.1", options.splits().describe());
    }

    @Test
    void everyBadOptionIsReportedAtOnce() {
        List<ConfigError> errors = CommonOptions.SPEC.validate(Map.of("since", "yesterday", "minVotes", "-1",
                "splits", "train", "cursor", "no spaces", "colour", "red"));
        assertEquals(List.of("colour", "cursor", "minVotes", "since", "splits"),
                errors.stream().map(ConfigError::key).sorted().toList());
    }
}
