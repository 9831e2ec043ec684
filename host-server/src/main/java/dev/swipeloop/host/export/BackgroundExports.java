package dev.swipeloop.host.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports too big for one request: {@code POST /v1/exports} queues a job that writes the file
 * under {@code <data>/exports/<id>/}, and its status, progress and manifest are read back until
 * it can be downloaded. Job records live on disk, so history and downloads survive a restart; a
 * job that was running when the host stopped is marked failed on the next start. The newest
 * {@code keep} finished records of each app are kept, older ones (and their files) deleted.
 */
public final class BackgroundExports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundExports.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantAdapter()).create();
    private static final String RECORD = "job.json";

    private final Exporter exporter;
    private final Path root;
    private final int keep;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<String, ExportProgress> running = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public BackgroundExports(Exporter exporter, Path root, int concurrentJobs, int keep, Clock clock) {
        this.exporter = exporter;
        this.root = root;
        this.keep = keep;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(concurrentJobs, runnable -> {
            Thread thread = new Thread(runnable, "swipeloop-export");
            thread.setDaemon(true);
            return thread;
        });
        markInterruptedJobsFailed();
    }

    /**
     * Queues the export; returns its record (state {@code queued}). Takes the plan over: it is
     * closed, letting go of its cursor, when the job ends.
     */
    public ExportJobRecord submit(ExportPlan plan) {
        try {
            ExportJobRecord job = new ExportJobRecord(newId(), plan.appId(), plan.format().id(), ExportJobRecord.QUEUED,
                    false, clock.instant(), null, plan.fileName(), null, null);
            save(job);
            running.put(job.id(), Exporter.progressOf(plan));
            workers.execute(() -> runJob(job, plan));
            return job;
        } catch (RuntimeException e) {
            plan.close();
            throw e;
        }
    }

    private void runJob(ExportJobRecord queued, ExportPlan plan) {
        ExportProgress progress = running.get(queued.id());
        ExportJobRecord job = queued.withState(ExportJobRecord.RUNNING, null, null, null);
        save(job);
        Path file = directory(job.id()).resolve(job.fileName());
        Path partial = file.resolveSibling(job.fileName() + ".partial");
        try {
            JsonObject manifest;
            try (OutputStream out = Files.newOutputStream(partial)) {
                manifest = exporter.run(plan, out, progress);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            // The cursor moves and is free again before anyone can see the job done, so a client
            // that starts the next export on seeing "done" finds it where this one left it.
            exporter.delivered(plan);
            plan.close();
            save(job.withState(ExportJobRecord.DONE, clock.instant(), null, manifest));
            LOG.info("Export {} ({} of app {}) done: {} rows", job.id(), job.format(), job.appId(),
                    manifest.get("rows").getAsLong());
        } catch (Throwable e) {
            // Errors too (a plugin's NoClassDefFoundError): the record must not stay "running".
            LOG.warn("Export {} ({} of app {}) failed", job.id(), job.format(), job.appId(), e);
            deleteQuietly(partial);
            save(job.withState(ExportJobRecord.FAILED, clock.instant(), describe(e), null));
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            plan.close();
            running.remove(job.id());
            prune(job.appId());
        }
    }

    /** Remembers a streamed export (GET /v1/exports/{format}) for its manifest; returns its id. */
    public ExportJobRecord recordStreamed(ExportPlan plan) {
        ExportJobRecord job = new ExportJobRecord(newId(), plan.appId(), plan.format().id(), ExportJobRecord.RUNNING,
                true, clock.instant(), null, plan.fileName(), null, null);
        save(job);
        return job;
    }

    /** Marks a streamed export finished, with its manifest or the reason it failed. */
    public void streamedFinished(ExportJobRecord job, JsonObject manifest, Throwable failure) {
        save(failure == null ? job.withState(ExportJobRecord.DONE, clock.instant(), null, manifest)
                : job.withState(ExportJobRecord.FAILED, clock.instant(), describe(failure), null));
        prune(job.appId());
    }

    /** The app's job, if it exists and is the app's. */
    public Optional<ExportJobRecord> job(String appId, String id) {
        if (!id.matches("exp_[0-9a-f]{16}")) {
            return Optional.empty();
        }
        return load(directory(id)).filter(job -> job.appId().equals(appId));
    }

    /** The app's jobs, newest first. */
    public List<ExportJobRecord> jobs(String appId) {
        return all().stream().filter(job -> job.appId().equals(appId)).toList();
    }

    /** How far a running job got, or empty when it is not running on this host. */
    public Optional<ExportProgress> progress(String id) {
        return Optional.ofNullable(running.get(id));
    }

    /** The finished file of a done background job. */
    public Optional<Path> file(ExportJobRecord job) {
        if (job.streamed() || !job.state().equals(ExportJobRecord.DONE)) {
            return Optional.empty();
        }
        Path file = directory(job.id()).resolve(job.fileName());
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "exp_" + HexFormat.of().formatHex(bytes);
    }

    private Path directory(String id) {
        return root.resolve(id);
    }

    private synchronized void save(ExportJobRecord job) {
        Path dir = directory(job.id());
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve(RECORD + ".partial");
            Files.writeString(temp, GSON.toJson(job), StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record export job in " + dir, e);
        }
    }

    private static Optional<ExportJobRecord> load(Path dir) {
        Path file = dir.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ExportJobRecord.class));
        } catch (IOException | JsonParseException e) {
            LOG.warn("Ignoring unreadable export record {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private List<ExportJobRecord> all() {
        List<ExportJobRecord> jobs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return jobs;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "exp_*")) {
            for (Path dir : dirs) {
                load(dir).ifPresent(jobs::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list export jobs in " + root, e);
        }
        jobs.sort(Comparator.comparing(ExportJobRecord::createdAt).reversed());
        return jobs;
    }

    /**
     * Deletes the app's oldest finished records beyond {@code keep}, with their files; per app,
     * so one busy tenant never deletes another's exports.
     */
    private synchronized void prune(String appId) {
        List<ExportJobRecord> finished = jobs(appId).stream().filter(ExportJobRecord::finished).toList();
        for (ExportJobRecord old : finished.subList(Math.min(keep, finished.size()), finished.size())) {
            deleteTree(directory(old.id()));
        }
    }

    private void markInterruptedJobsFailed() {
        for (ExportJobRecord job : all()) {
            if (!job.finished()) {
                save(job.withState(ExportJobRecord.FAILED, clock.instant(),
                        "the host stopped before the export finished; start it again", null));
                deleteQuietly(directory(job.id()).resolve(job.fileName() + ".partial"));
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").trim();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(BackgroundExports::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    /** Stops taking jobs and interrupts running ones; they are marked failed on the next start. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Instant.parse(in.nextString());
        }
    }
}
