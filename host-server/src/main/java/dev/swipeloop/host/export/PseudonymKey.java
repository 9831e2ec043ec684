package dev.swipeloop.host.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key behind rater pseudonyms: the {@code export.pseudonymKey} setting when given (hosts that
 * share a database must share it: copy one host's key file into the others' setting), else a
 * random key kept in {@code <data>/export-pseudonym.key} as 64 hex digits, made on first use and
 * readable by its owner only.
 */
public final class PseudonymKey {
    static final String FILE_NAME = "export-pseudonym.key";

    private PseudonymKey() {
    }

    static byte[] load(String setting, Path dataDir) {
        if (setting != null && !setting.isBlank()) {
            return fromSetting(setting.trim());
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the rater pseudonym key " + file, e);
        }
    }

    /**
     * 64 hex digits are the 32 bytes they spell, as in the key file, so the file's content can be
     * copied into the setting of another host; any other text is used as UTF-8 and must be long
     * enough to be a key rather than a password.
     */
    static byte[] fromSetting(String setting) {
        String problem = problem(setting);
        if (problem != null) {
            throw new IllegalArgumentException("export.pseudonymKey " + problem);
        }
        return setting.matches("[0-9a-fA-F]{64}") ? HexFormat.of().parseHex(setting)
                : setting.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A short SHA-256 of the key this host's exports use (from the setting, or the data
     * directory's file): hosts sharing a database compare it, since exports through hosts with
     * different keys name the same rater differently. It tells nothing about the key itself.
     */
    public static String fingerprint(String setting, Path dataDir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(load(setting, dataDir));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Null when {@code setting} can be a key, else what a key looks like (for settings validation). */
    public static String problem(String setting) {
        return setting.matches("[0-9a-fA-F]{64}") || setting.getBytes(StandardCharsets.UTF_8).length >= 32 ? null
                : "must be 64 hex digits (the content of " + FILE_NAME + ") or at least 32 bytes of text";
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the data directory's own access rules apply.
            }
            Files.writeString(temp, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.SYNC);
            // Two processes racing here (the CLI beside a running host) must end with one key.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // The other one won; use its key.
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
