package dev.swipeloop.plugins.imagefolder;

import dev.swipeloop.sdk.export.MediaBlob;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The imagefolder zip as it streams out: {@code <split>/<sha256>.<ext>} image entries as rows
 * arrive, then each split's {@code <split>/metadata.jsonl}, then whatever the caller adds last
 * (the dataset card). {@code train/} is always there, even empty.
 *
 * <p>Images are STORED: PNG, JPEG, WebP and GIF are compressed already, and deflating them again
 * costs CPU for nothing. The blob is in memory anyway, so its CRC and size are known before the
 * entry starts and no data descriptor is needed. Text entries are DEFLATED.
 *
 * <p>Memory: one set of file names per split (distinct images), nothing per row; rows wait in one
 * temporary file per split. {@link #close()} deletes those files; only {@link #finish()} writes
 * the zip's central directory, so an export that fails half-way never looks complete. The
 * host's stream is never closed. Not thread-safe.
 */
final class DatasetZip implements AutoCloseable {
    static final String DEFAULT_SPLIT = "train";

    private final ZipOutputStream zip;
    private final Map<String, SplitFolder> splits = new LinkedHashMap<>();

    DatasetZip(OutputStream out) throws IOException {
        this.zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
        folder(DEFAULT_SPLIT);
    }

    /**
     * Puts {@code image} into {@code split}'s folder unless it is there already, and returns the
     * name that the split's metadata rows use for it ({@code file_name} is relative to the
     * metadata file, which sits beside the images).
     */
    String addImage(String split, MediaBlob image) throws IOException {
        SplitFolder folder = folder(split);
        String fileName = image.sha256() + "." + image.fileExtension();
        if (folder.addImage(fileName)) {
            byte[] bytes = image.bytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            ZipEntry entry = new ZipEntry(split + "/" + fileName);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
        return fileName;
    }

    void addRow(String split, JsonLine row) throws IOException {
        folder(split).addRow(row);
    }

    /**
     * Writes every split's {@code metadata.jsonl} and returns the rows per split, {@code train}
     * first, then the others in the order they first appeared. Call once, after the last row.
     */
    Map<String, Long> writeMetadata() throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (SplitFolder folder : splits.values()) {
            zip.putNextEntry(new ZipEntry(folder.name() + "/metadata.jsonl"));
            Files.copy(folder.finishRows(), zip);
            zip.closeEntry();
            rows.put(folder.name(), folder.rows());
        }
        return rows;
    }

    void writeText(String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Writes the central directory and frees the deflater; the host's stream stays open. */
    void finish() throws IOException {
        zip.close();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SplitFolder folder : splits.values()) {
            try {
                folder.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private SplitFolder folder(String split) throws IOException {
        SplitFolder folder = splits.get(split);
        if (folder == null) {
            folder = SplitFolder.create(split);
            splits.put(split, folder);
        }
        return folder;
    }

    /** The host owns its stream: closing the zip must flush it, never close it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            // FilterOutputStream would write these one byte at a time.
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
