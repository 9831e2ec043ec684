package dev.swipeloop.host.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./swipeloop …} as a separate JVM on the built distribution: for crash and CLI tests. */
public final class HostProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready at http://[^:]+:(\\d+)");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private HostProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code Main} with {@code args}; output goes to files under {@code logDir}. */
    public static HostProcess launch(Path logDir, List<String> args) {
        return launch(logDir, List.of(), args);
    }

    /** The same with extra JVM options, e.g. {@code -Dpf4j.mode=development}. */
    public static HostProcess launch(Path logDir, List<String> jvmOptions, List<String> args) {
        return launch(logDir, Map.of(), jvmOptions, args);
    }

    /** The same with extra environment variables, e.g. {@code SWIPELOOP_LOG_FORMAT}. */
    public static HostProcess launch(Path logDir, Map<String, String> environment, List<String> jvmOptions,
                                     List<String> args) {
        try {
            Files.createDirectories(logDir);
            Path out = Files.createTempFile(logDir, "stdout", ".log");
            Path err = Files.createTempFile(logDir, "stderr", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dswipeloop.home=" + Dist.dir()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", Dist.classPath(), "dev.swipeloop.host.Main"));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            return new HostProcess(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command that exits by itself; returns its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("process did not exit within " + timeout + "; stderr:\n" + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the "ready at" log line and returns the port it names. */
    public int awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = READY.matcher(stderr());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("host exited with " + process.exitValue() + " before it was ready; stderr:\n" + stderr());
            }
            sleep(50);
        }
        throw new AssertionError("host not ready within " + timeout + "; stderr:\n" + stderr());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as an orchestrator stops a server: the shutdown hook drains; returns at once. */
    public void terminate() {
        process.destroy();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
