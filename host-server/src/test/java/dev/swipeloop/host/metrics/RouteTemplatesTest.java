package dev.swipeloop.host.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {
    private final RouteTemplates templates = new RouteTemplates(List.of("/health", "/widget.{hash}.js",
            "/v1/raters/{rater}/ledger", "/v1/exports/jobs", "/v1/exports/{format}"));

    @Test
    void aRawPathIsNamedByItsTemplate() {
        assertEquals("/v1/raters/{rater}/ledger", templates.match("/v1/raters/ann%20lee/ledger"));
        assertEquals("/widget.{hash}.js", templates.match("/widget.3f2a9c0d1b7e4a65.js"));
        assertEquals("/health", templates.match("/health/"));
    }

    @Test
    void theFirstTemplateWinsAsInJavalin() {
        assertEquals("/v1/exports/jobs", templates.match("/v1/exports/jobs"));
        assertEquals("/v1/exports/{format}", templates.match("/v1/exports/jsonl"));
    }

    @Test
    void aParameterIsOneSegmentAndNothingElseMatches() {
        assertNull(templates.match("/v1/raters/a/b/ledger"));
        assertNull(templates.match("/v1/raters//ledger"));
        assertNull(templates.match("/healthz"));
        assertNull(templates.match("/"));
    }
}
