package dev.swipeloop.host.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export records and files under {@code exports.dir}: one directory per export holding
 * {@code job.json} and the file. A record is replaced by an atomic rename, so another host
 * reading it (the directory may be shared) sees the old record or the new one, never half.
 */
final class ExportJobFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ExportJobFiles.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantAdapter()).create();
    private static final String RECORD = "job.json";

    private final Path root;

    ExportJobFiles(Path root) {
        this.root = root;
    }

    Path directory(String id) {
        return root.resolve(id);
    }

    Path file(ExportJobRecord job) {
        return directory(job.id()).resolve(job.fileName());
    }

    Path partial(ExportJobRecord job) {
        return directory(job.id()).resolve(job.fileName() + ".partial");
    }

    void save(ExportJobRecord job) {
        Path dir = directory(job.id());
        try {
            Files.createDirectories(dir);
            // Named per writer: two hosts rewriting one record must not share a temporary file.
            Path temp = Files.createTempFile(dir, RECORD, ".partial");
            Files.writeString(temp, GSON.toJson(job), StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record export job in " + dir, e);
        }
    }

    Optional<ExportJobRecord> load(String id) {
        Path file = directory(id).resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ExportJobRecord.class));
        } catch (IOException | JsonParseException e) {
            // Pruned by another host meanwhile, or not ours: either way, not a job to show.
            LOG.warn("Ignoring unreadable export record {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Every record, newest first. */
    List<ExportJobRecord> all() {
        List<ExportJobRecord> jobs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return jobs;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "exp_*")) {
            for (Path dir : dirs) {
                load(dir.getFileName().toString()).ifPresent(jobs::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list export jobs in " + root, e);
        }
        jobs.sort(Comparator.comparing(ExportJobRecord::createdAt).reversed());
        return jobs;
    }

    void delete(String id) {
        try (var paths = Files.walk(directory(id))) {
            paths.sorted(Comparator.reverseOrder()).forEach(ExportJobFiles::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", directory(id), e.getMessage());
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", file, e.getMessage());
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
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Instant.parse(in.nextString());
        }
    }
}
