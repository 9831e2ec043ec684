package dev.swipeloop.host.apps;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the Node, Python and Java snippets of docs/verified-raters.md as a developer would
 * (saved under the file name their first line gives, the app id and secret in the environment,
 * rater and expiry as arguments) and checks that the server accepts what they print. A typo in
 * the docs' HMAC code would otherwise reach every app that copies it.
 */
class RaterTokenSnippetsTest {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```");

    @TempDir
    Path dir;

    private final App app = AppCreator.newApp("Docs", List.of("https://docs.example"), Clock.systemUTC()).app();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"js, rater-token.mjs, node", "python, rater_token.py, python3", "java, RaterToken.java, JAVA"})
    void theDocumentedSnippetMakesTheTokenTheServerMakesAndAccepts(String language, String fileName, String runner)
            throws Exception {
        Path file = dir.toRealPath().resolve(fileName);
        Files.writeString(file, snippet(language, fileName));
        String command = runner.equals("JAVA") ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : runner;

        long exp = 1_900_000_000L;
        String token = run(command, fileName, "user-42", Long.toString(exp));
        assertEquals(RaterTokens.sign(app, "user-42", exp), token, fileName + " and the server sign differently");
        assertDoesNotThrow(() -> RaterTokens.verify(app, "user-42", token, Instant.ofEpochSecond(exp - 1)));

        long before = Instant.now().getEpochSecond();
        String oneHour = run(command, fileName, "user-42");
        long after = Instant.now().getEpochSecond();
        long defaultExp = Long.parseLong(oneHour.split("\\.")[1]);
        assertTrue(defaultExp >= before + 3600 && defaultExp <= after + 3600,
                fileName + " should default to one hour from now, as the docs say; got exp " + defaultExp);
        assertDoesNotThrow(() -> RaterTokens.verify(app, "user-42", oneHour, Instant.now()));
    }

    /** The one fenced block tagged {@code language} whose first line names {@code fileName}. */
    private static String snippet(String language, String fileName) throws IOException {
        String doc = Files.readString(repositoryRoot().resolve("docs/verified-raters.md"));
        List<String> found = new ArrayList<>();
        Matcher m = FENCE.matcher(doc);
        while (m.find()) {
            if (m.group(1).equals(language) && m.group(2).lines().findFirst().orElse("").contains(fileName)) {
                found.add(m.group(2));
            }
        }
        assertEquals(1, found.size(), "docs/verified-raters.md should hold one ```" + language
                + " block whose first line names " + fileName);
        return found.get(0);
    }

    /** Tests run in host-server/; the docs live at the repository root. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/verified-raters.md"))) {
                return p;
            }
        }
        throw new AssertionError("no docs/verified-raters.md above " + Path.of("").toAbsolutePath());
    }

    private String run(String command, String fileName, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(command, fileName));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toRealPath().toFile());
        builder.environment().put("SWIPELOOP_APP_ID", app.id());
        builder.environment().put("SWIPELOOP_SIGNING_SECRET", app.signingSecret());
        Path stdout = dir.resolve(fileName + ".stdout");
        Path stderr = dir.resolve(fileName + ".stderr");
        Process process;
        try {
            process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("'" + command + "' is needed to check the docs' snippet " + fileName
                    + "; install it or put it on the PATH", e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", argv) + " did not finish within 60 s");
        }
        String out = Files.readString(stdout).strip();
        assertEquals(0, process.exitValue(), String.join(" ", argv) + " failed:\n" + Files.readString(stderr));
        assertTrue(out.matches("v1\\.\\d+\\.[A-Za-z0-9_-]{43}"),
                fileName + " should print v1.<exp>.<43 base64url characters>, printed " + out);
        return out;
    }
}
