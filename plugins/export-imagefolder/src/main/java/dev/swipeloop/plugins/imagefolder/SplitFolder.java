package dev.swipeloop.plugins.imagefolder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One split's folder while the zip is written: the names of the images already in it, and its
 * {@code metadata.jsonl} lines buffered in a temporary file (a zip entry is written in one
 * piece, and the images come first). Memory grows with the split's distinct images, not with
 * its rows. Not thread-safe.
 */
final class SplitFolder implements AutoCloseable {
    /**
     * The split names Hugging Face datasets accepts ({@code naming.py}: {@code ^\w+(\.\w+)*$}),
     * narrowed to ASCII: the name is also a folder in the zip, so it must never hold a slash or
     * be {@code ..}.
     */
    private static final Pattern SPLIT_NAME = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

    private final String name;
    private final Path metadata;
    private final BufferedWriter lines;
    private final Set<String> images = new HashSet<>();
    private long rows;

    private SplitFolder(String name, Path metadata) throws IOException {
        this.name = name;
        this.metadata = metadata;
        this.lines = Files.newBufferedWriter(metadata, StandardCharsets.UTF_8);
    }

    static SplitFolder create(String name) throws IOException {
        if (name == null || !SPLIT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("split name '" + name + "' cannot name an imagefolder split:"
                    + " use letters, digits and underscores (dots between them), e.g. train, test, validation");
        }
        Path metadata = Files.createTempFile("swipeloop-imagefolder-" + name + "-", ".jsonl");
        try {
            return new SplitFolder(name, metadata);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(metadata);
            throw e;
        }
    }

    String name() {
        return name;
    }

    /** Records that {@code fileName} is in this folder; false when it already was. */
    boolean addImage(String fileName) {
        return images.add(fileName);
    }

    void addRow(JsonLine row) throws IOException {
        lines.write(row.toString());
        lines.write('\n');
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Ends the buffered rows and returns the file holding them. Call once, after the last row. */
    Path finishRows() throws IOException {
        lines.close();
        return metadata;
    }

    /** Deletes the buffered rows; safe to call more than once. */
    @Override
    public void close() throws IOException {
        try {
            lines.close();
        } finally {
            Files.deleteIfExists(metadata);
        }
    }
}
