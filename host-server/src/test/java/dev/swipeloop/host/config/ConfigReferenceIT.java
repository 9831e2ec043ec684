package dev.swipeloop.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.HostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/configuration.md} is what {@code ./swipeloop config reference} prints today, with
 * the real, built plugins: a setting added or changed without regenerating it fails here.
 */
class ConfigReferenceIT {
    private static final String STALE = "docs/configuration.md is stale: run ./swipeloop config reference --out"
            + " docs/configuration.md";

    @TempDir
    Path dir;

    @Test
    void theCommittedReferenceIsWhatTheCommandPrintsNow() throws Exception {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        Path fresh = dir.resolve("configuration.md");
        HostProcess command = HostProcess.launch(dir, List.of("config", "reference", "--out", fresh.toString(),
                "--plugins-dir", plugins.toString(), "--data", dir.resolve("data").toString()));
        assertEquals(0, command.waitFor(Duration.ofSeconds(60)), command.stderr());
        assertTrue(Files.notExists(dir.resolve("data")), "the reference starts nothing, so no data directory is made");

        List<String> expected = Files.readAllLines(fresh);
        for (String plugin : List.of("storage-sqlite", "storage-postgres", "export-text", "export-imagefolder",
                "export-pickapic", "reward-policies")) {
            assertTrue(expected.contains("### `" + plugin + "` 0.1.0"), "every bundled plugin has its section: " + plugin);
        }
        Path committedFile = repositoryRoot().resolve("docs/configuration.md");
        if (Files.notExists(committedFile)) {
            fail(STALE + " (it is missing)");
        }
        List<String> committed = Files.readAllLines(committedFile);
        for (int i = 0; i < Math.max(committed.size(), expected.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(end of file)";
            String have = i < committed.size() ? committed.get(i) : "(end of file)";
            if (!want.equals(have)) {
                fail(STALE + " (line " + (i + 1) + " is\n  " + have + "\nand should be\n  " + want + ")");
            }
        }
    }

    /** Tests run in host-server/; the docs live at the repository root. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("swipeloop"))) {
                return p;
            }
        }
        throw new AssertionError("no repository root (docs/ beside ./swipeloop) above " + Path.of("").toAbsolutePath());
    }
}
