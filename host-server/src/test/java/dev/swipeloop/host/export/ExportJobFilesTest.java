package dev.swipeloop.host.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportJobFilesTest {
    @TempDir
    Path dir;

    @Test
    void aRecordGetsTheSamePermissionsAsAnyNewFileSoHostsUnderOtherUsersCanReadIt() throws Exception {
        ExportJobFiles files = new ExportJobFiles(dir);
        ExportJobRecord job = new ExportJobRecord("exp_0123456789abcdef", "app", "jsonl", ExportJobRecord.QUEUED, false,
                Instant.parse("2026-03-01T12:00:00Z"), null, "app-jsonl-1.jsonl", null, null, null);
        files.save(job);
        Path plain = Files.createFile(dir.resolve("plain"));

        assertEquals(Files.getPosixFilePermissions(plain),
                Files.getPosixFilePermissions(files.directory(job.id()).resolve("job.json")));
        assertEquals(job, files.load(job.id()).orElseThrow());
        try (var left = Files.list(files.directory(job.id()))) {
            assertEquals(1, left.count(), "no temporary file left behind");
        }
    }
}
