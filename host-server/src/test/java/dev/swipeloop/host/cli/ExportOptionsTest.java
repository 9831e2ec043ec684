package dev.swipeloop.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportOptionsTest {
    @Test
    void settingsAndTheirShortFormsAreNotTakenForExportOptions() {
        Args args = Args.parse(List.of("--format", "jsonl", "--min-votes", "3", "--storage", "postgres",
                "--jdbc-url", "jdbc:postgresql://replica.internal/swipeloop", "--plugin.postgres.schema", "s",
                "--include-ties", "true"));

        assertEquals(Map.of("minVotes", "3", "includeTies", "true"), ExportCommand.exportOptions(args),
                "an export against a read replica is started with --jdbc-url; it is the storage's, not the format's");
    }
}
