package dev.swipeloop.host.widget;

import dev.swipeloop.host.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The built {@code <swipe-deck>} script, its progress-meter module and its type declarations,
 * as the swipeloop-widget jar puts them on the class path. Read once; {@link #hash()} names this
 * exact build, so {@link #hashedPath()} can be cached for ever while {@code /widget.js} stays a
 * short-cached alias. The script imports the progress module by the name
 * {@link #progressPath()} gives (its build computes the same hash), only for
 * {@code <swipe-deck show-progress>}.
 */
public final class WidgetBundle {
    static final String RESOURCE_DIR = "/dev/swipeloop/widget/";
    private static final int HASH_HEX_CHARS = 16;
    private static WidgetBundle bundled;

    private final byte[] script;
    private final byte[] progress;
    private final byte[] declarations;
    private final String hash;
    private final String progressHash;
    private final String declarationsHash;

    WidgetBundle(byte[] script, byte[] progress, byte[] declarations) {
        this.script = script.clone();
        this.progress = progress.clone();
        this.declarations = declarations.clone();
        this.hash = sha256Prefix(script);
        this.progressHash = sha256Prefix(progress);
        this.declarationsHash = sha256Prefix(declarations);
    }

    /**
     * The widget the host was built with, read from the class path on first use.
     *
     * @throws StartupException when the swipeloop-widget jar is not on the class path
     */
    public static synchronized WidgetBundle bundled() {
        if (bundled == null) {
            bundled = new WidgetBundle(read("widget.js"), read("widget.progress.js"), read("widget.d.ts"));
        }
        return bundled;
    }

    /** The minified classic script. A copy: callers may not change what is served. */
    public byte[] script() {
        return script.clone();
    }

    /** The progress meter, an ES module the script imports for {@code show-progress}. A copy. */
    public byte[] progress() {
        return progress.clone();
    }

    public byte[] declarations() {
        return declarations.clone();
    }

    /** First 16 hex digits of the script's SHA-256. */
    public String hash() {
        return hash;
    }

    /** First 16 hex digits of the progress module's SHA-256. */
    public String progressHash() {
        return progressHash;
    }

    public String declarationsHash() {
        return declarationsHash;
    }

    /** {@code /widget.<hash>.js}: the URL to embed, immutable. */
    public String hashedPath() {
        return "/widget." + hash + ".js";
    }

    /** {@code /widget.progress.<hash>.js}: the module's one URL, immutable (it has no alias). */
    public String progressPath() {
        return "/widget.progress." + progressHash + ".js";
    }

    public int scriptBytes() {
        return script.length;
    }

    private static byte[] read(String name) {
        try (InputStream in = WidgetBundle.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new StartupException(RESOURCE_DIR.substring(1) + name + " is missing from the host's class path:"
                        + " the swipeloop-widget jar is not there or was built without its dist/; rebuild with"
                        + " mvn package (it needs node 20+ and npm)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Prefix(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
