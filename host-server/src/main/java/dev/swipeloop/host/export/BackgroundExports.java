package dev.swipeloop.host.export;

import com.google.gson.JsonObject;
import dev.swipeloop.host.hosts.HeldLease;
import dev.swipeloop.host.hosts.Leases;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports too big for one request: {@code POST /v1/exports} queues a job that writes the file
 * under {@code <exports.dir>/<id>/}, and its status, progress and manifest are read back until
 * it can be downloaded. Job records live on disk, so history and downloads survive a restart.
 * The newest {@code keep} finished records of each app are kept, older ones (and their files)
 * deleted.
 *
 * <h2>Several hosts</h2>
 * Hosts may share {@code exports.dir}; each then answers for every job. A job's host holds the
 * lease {@code export-job:<id>} from submission to the end and writes its progress into the
 * record every {@link #PROGRESS_EVERY}. A job still queued or running whose lease ran out lost
 * its host (stopped or died): whoever looks first (a status request, a listing, a host
 * starting) marks it failed.
 */
public final class BackgroundExports implements AutoCloseable {
    static final String LEASE = "export-job:";
    static final long PROGRESS_EVERY_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundExports.class);
    private static final String ABANDONED = "the host running the export stopped before it finished; start it again";

    /** A job this host runs: the lease that says so, and its progress (null for a streamed export). */
    private record Running(HeldLease lease, ExportProgress progress) {
    }

    private final Exporter exporter;
    private final ExportJobFiles files;
    private final int keep;
    private final Clock clock;
    private final Leases leases;
    private final ExecutorService workers;
    private final ScheduledExecutorService progressWriter;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public BackgroundExports(Exporter exporter, Path root, int concurrentJobs, int keep, Clock clock, Leases leases) {
        this.exporter = exporter;
        this.files = new ExportJobFiles(root);
        this.keep = keep;
        this.clock = clock;
        this.leases = leases;
        this.workers = Executors.newFixedThreadPool(concurrentJobs, runnable -> {
            Thread thread = new Thread(runnable, "swipeloop-export");
            thread.setDaemon(true);
            return thread;
        });
        this.progressWriter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "swipeloop-export-progress");
            thread.setDaemon(true);
            return thread;
        });
        progressWriter.scheduleWithFixedDelay(this::writeProgress, PROGRESS_EVERY_MILLIS, PROGRESS_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        files.all().forEach(this::failIfAbandoned);
    }

    /**
     * Queues the export; returns its record (state {@code queued}). Takes the plan over: it is
     * closed, letting go of its cursor, when the job ends.
     */
    public ExportJobRecord submit(ExportPlan plan) {
        try {
            ExportJobRecord job = new ExportJobRecord(newId(), plan.appId(), plan.format().id(), ExportJobRecord.QUEUED,
                    false, clock.instant(), null, plan.fileName(), null, null, null);
            start(job, Exporter.progressOf(plan));
            workers.execute(() -> runJob(job, plan));
            return job;
        } catch (RuntimeException e) {
            plan.close();
            throw e;
        }
    }

    /** Takes the job's lease, then records it: no host may see the record without a live lease. */
    private void start(ExportJobRecord job, ExportProgress progress) {
        HeldLease lease = leases.hold(job.appId(), LEASE + job.id())
                .orElseThrow(() -> new IllegalStateException("export " + job.id() + " is already leased"));
        running.put(job.id(), new Running(lease, progress));
        try {
            files.save(job);
        } catch (RuntimeException e) {
            running.remove(job.id());
            lease.release();
            throw e;
        }
    }

    private void runJob(ExportJobRecord queued, ExportPlan plan) {
        ExportProgress progress = running.get(queued.id()).progress();
        ExportJobRecord job = queued.withState(ExportJobRecord.RUNNING, null, null, null);
        Path file = files.file(job);
        Path partial = files.partial(job);
        try {
            save(job);
            JsonObject manifest;
            try (OutputStream out = Files.newOutputStream(partial)) {
                manifest = exporter.run(plan, out, progress);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            // The cursor moves and is free again before anyone can see the job done, so a client
            // that starts the next export on seeing "done" finds it where this one left it.
            exporter.delivered(plan);
            plan.close();
            finish(job.withState(ExportJobRecord.DONE, clock.instant(), null, manifest));
            LOG.info("Export {} ({} of app {}) done: {} rows", job.id(), job.format(), job.appId(),
                    manifest.get("rows").getAsLong());
        } catch (Throwable e) {
            // Errors too (a plugin's NoClassDefFoundError): the record must not stay "running".
            LOG.warn("Export {} ({} of app {}) failed", job.id(), job.format(), job.appId(), e);
            ExportJobFiles.deleteQuietly(partial);
            finish(job.withState(ExportJobRecord.FAILED, clock.instant(), describe(e), null));
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            plan.close();
            prune(job.appId());
        }
    }

    /** Remembers a streamed export (GET /v1/exports/{format}) for its manifest; returns its id. */
    public ExportJobRecord recordStreamed(ExportPlan plan) {
        ExportJobRecord job = new ExportJobRecord(newId(), plan.appId(), plan.format().id(), ExportJobRecord.RUNNING,
                true, clock.instant(), null, plan.fileName(), null, null, null);
        start(job, null);
        return job;
    }

    /** Marks a streamed export finished, with its manifest or the reason it failed. */
    public void streamedFinished(ExportJobRecord job, JsonObject manifest, Throwable failure) {
        finish(failure == null ? job.withState(ExportJobRecord.DONE, clock.instant(), null, manifest)
                : job.withState(ExportJobRecord.FAILED, clock.instant(), describe(failure), null));
        prune(job.appId());
    }

    /** The app's job, if it exists and is the app's. */
    public Optional<ExportJobRecord> job(String appId, String id) {
        if (!id.matches("exp_[0-9a-f]{16}")) {
            return Optional.empty();
        }
        return files.load(id).filter(job -> job.appId().equals(appId)).map(this::failIfAbandoned);
    }

    /** The app's jobs, newest first. */
    public List<ExportJobRecord> jobs(String appId) {
        List<ExportJobRecord> mine = files.all().stream().filter(job -> job.appId().equals(appId)).toList();
        if (mine.stream().allMatch(ExportJobRecord::finished)) {
            return mine;
        }
        Set<String> leased = leases.live(appId, LEASE).keySet();
        return mine.stream().map(job -> failIfAbandoned(job, leased)).toList();
    }

    /** How far a running job got: exact when it runs on this host, else as its host last wrote it. */
    public Optional<ExportJobRecord.JobProgress> progress(ExportJobRecord job) {
        Running here = running.get(job.id());
        if (here != null && here.progress() != null) {
            return Optional.of(ExportJobRecord.JobProgress.of(here.progress()));
        }
        return job.state().equals(ExportJobRecord.RUNNING) ? Optional.ofNullable(job.progress()) : Optional.empty();
    }

    /** The finished file of a done background job. */
    public Optional<Path> file(ExportJobRecord job) {
        if (job.streamed() || !job.state().equals(ExportJobRecord.DONE)) {
            return Optional.empty();
        }
        Path file = files.file(job);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "exp_" + HexFormat.of().formatHex(bytes);
    }

    private ExportJobRecord failIfAbandoned(ExportJobRecord job) {
        if (job.finished() || running.containsKey(job.id())) {
            return job;
        }
        return failIfAbandoned(job, leases.live(job.appId(), LEASE + job.id()).keySet());
    }

    /** A job not finished whose lease is gone lost its host; it is failed here, once. */
    private ExportJobRecord failIfAbandoned(ExportJobRecord job, Set<String> leased) {
        if (job.finished() || running.containsKey(job.id()) || leased.contains(LEASE + job.id())) {
            return job;
        }
        ExportJobRecord failed = job.withState(ExportJobRecord.FAILED, clock.instant(), ABANDONED, null);
        save(failed);
        ExportJobFiles.deleteQuietly(files.partial(job));
        LOG.info("Export {} of app {} lost its host before it finished; marked failed", job.id(), job.appId());
        return failed;
    }

    /** The job's final record; from now on this host neither runs it nor writes its progress. */
    private synchronized void finish(ExportJobRecord job) {
        Running ended = running.remove(job.id());
        files.save(job);
        if (ended != null) {
            ended.lease().release();
        }
    }

    private synchronized void save(ExportJobRecord job) {
        files.save(job);
    }

    /** Under the same lock as {@link #finish}: a progress write never lands after the final record. */
    private synchronized void writeProgress() {
        running.forEach((id, job) -> {
            if (job.progress() == null || job.progress().pass() == 0) {
                return;
            }
            try {
                files.load(id).filter(record -> record.state().equals(ExportJobRecord.RUNNING))
                        .ifPresent(record -> files.save(record.withProgress(ExportJobRecord.JobProgress.of(job.progress()))));
            } catch (RuntimeException e) {
                LOG.debug("Could not write the progress of export {}: {}", id, e.toString());
            }
        });
    }

    /**
     * Deletes the app's oldest finished records beyond {@code keep}, with their files; per app,
     * so one busy tenant never deletes another's exports.
     */
    private synchronized void prune(String appId) {
        List<ExportJobRecord> finished = files.all().stream()
                .filter(job -> job.appId().equals(appId) && job.finished()).toList();
        for (ExportJobRecord old : finished.subList(Math.min(keep, finished.size()), finished.size())) {
            files.delete(old.id());
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").trim();
    }

    /**
     * Stops taking jobs and interrupts running ones, giving their leases up: another host (or
     * this one, started again) marks them failed.
     */
    @Override
    public void close() {
        progressWriter.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.values().forEach(job -> job.lease().release());
    }
}
