package dev.swipeloop.host.cli;

import dev.swipeloop.host.export.ExportManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip export (imagefolder) into a directory, for {@code --out DIR/}: a dataset folder
 * that {@code load_dataset("imagefolder", data_dir=DIR)} reads as it is. Unpacks beside the target
 * first and renames when complete, so a failure never leaves a half dataset that looks whole;
 * refuses entries that would land outside it. The zip is deleted either way. Returns every file
 * with its size and sha256 for the manifest.
 */
final class ZipToDirectory {
    private ZipToDirectory() {
    }

    /** {@code dir} must not exist or be empty. */
    static List<ExportManifest.FileEntry> unpack(Path zip, Path dir) throws IOException {
        Path staging = dir.resolveSibling(dir.getFileName() + ".partial");
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            List<ExportManifest.FileEntry> files = extract(zip, staging.toRealPath());
            Files.deleteIfExists(dir);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            return files;
        } finally {
            Files.deleteIfExists(zip);
            deleteTree(staging);
        }
    }

    private static List<ExportManifest.FileEntry> extract(Path zip, Path root) throws IOException {
        List<ExportManifest.FileEntry> files = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IOException("zip entry " + entry.getName() + " points outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                files.add(copy(in, target, root.relativize(target).toString()));
            }
        }
        return files;
    }

    private static ExportManifest.FileEntry copy(InputStream in, Path target, String name) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long bytes;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha256)) {
            bytes = in.transferTo(out);
        }
        return new ExportManifest.FileEntry(name, bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
