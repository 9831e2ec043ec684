package dev.swipeloop.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The host's version, written into the jar by the build (resources-filtered). */
public final class HostVersion {
    private static final String VERSION = read();

    private HostVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = HostVersion.class.getResourceAsStream("/swipeloop-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("swipeloop-version.properties missing from the host jar: rebuild with mvn package");
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
