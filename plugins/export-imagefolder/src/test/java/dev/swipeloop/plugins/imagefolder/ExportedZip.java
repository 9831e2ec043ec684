package dev.swipeloop.plugins.imagefolder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportJob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * An export's zip, read back entry by entry in the order written, for tests. Checks on the way
 * that the zip is complete (its central directory opens with {@link ZipFile}) and that the
 * format left the host's stream open.
 */
record ExportedZip(Map<String, Entry> entries) {

    record Entry(String name, int method, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static ExportedZip export(ExportFormat format, ExportJob job, Path scratch) throws IOException {
        RecordingStream out = new RecordingStream();
        format.write(job, out);
        assertFalse(out.closed, "the format closed the host's stream");
        out.write('x'); // still usable by the host
        byte[] zip = Arrays.copyOf(out.toByteArray(), out.size() - 1);
        Path file = Files.write(Files.createTempFile(scratch, "export-", ".zip"), zip);
        try (ZipFile complete = new ZipFile(file.toFile())) {
            assertTrue(complete.size() > 0, "the central directory lists the entries");
        }
        return read(zip);
    }

    static ExportedZip read(byte[] zip) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Entry previous = entries.put(entry.getName(), new Entry(entry.getName(), entry.getMethod(), in.readAllBytes()));
                assertTrue(previous == null, "entry " + entry.getName() + " written twice");
            }
        }
        return new ExportedZip(entries);
    }

    List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    Entry entry(String name) {
        Entry entry = entries.get(name);
        assertTrue(entry != null, "no entry " + name + " in " + names());
        return entry;
    }

    /** Unpacks the zip into {@code dir} (as a user would before load_dataset) and returns {@code dir}. */
    Path unpack(Path dir) throws IOException {
        for (Entry entry : entries.values()) {
            Path target = dir.resolve(entry.name()).normalize();
            assertTrue(target.startsWith(dir), entry.name() + " escapes the folder it is unpacked into");
            Files.createDirectories(target.getParent());
            Files.write(target, entry.bytes());
        }
        return dir;
    }

    private static final class RecordingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
