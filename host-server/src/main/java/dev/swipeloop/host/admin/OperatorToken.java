package dev.swipeloop.host.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator token, which signs in to the dashboard for every app: the
 * {@code admin.operatorToken} setting when given (hosts behind one load balancer must share
 * it), else a random token kept in {@code <data>/operator-token}, made at the first start and
 * readable by its owner only. Only the file's path is ever logged, never the token.
 */
public final class OperatorToken {
    public static final String FILE_NAME = "operator-token";
    /** 43 base62 characters hold 256 bits. */
    static final int LENGTH = 43;
    /** What a configured token must at least have, so that it is a key and not a password. */
    public static final int MIN_LENGTH = 24;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorToken.class);

    private OperatorToken() {
    }

    /** The token: the setting when given, else the data directory's file, created when missing. */
    public static String resolve(String setting, Path dataDir) {
        if (setting != null && !setting.isBlank()) {
            return setting.trim();
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file) && create(file)) {
                LOG.info("Made the operator token that signs in to /admin for every app: {} (readable by its owner"
                        + " only; set admin.operatorToken to choose one)", file);
            }
            String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (token.length() < MIN_LENGTH) {
                throw new IllegalStateException("the operator token in " + file + " is shorter than " + MIN_LENGTH
                        + " characters; delete the file to get a new one at the next start");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the operator token " + file, e);
        }
    }

    /** Null when {@code setting} may be a token, else what one looks like (for settings validation). */
    public static String problem(String setting) {
        return setting.trim().length() >= MIN_LENGTH ? null : "must be at least " + MIN_LENGTH + " characters";
    }

    /** Writes a new token; false when another process made the file first (its token is used). */
    private static boolean create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the data directory's own access rules apply.
            }
            Files.writeString(temp, random() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
            // A host and a CLI command starting together must end with one token.
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String random() {
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            token.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return token.toString();
    }
}
