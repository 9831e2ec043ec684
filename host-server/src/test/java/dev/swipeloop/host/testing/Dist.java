package dev.swipeloop.host.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The distribution {@code mvn package} laid out in {@code host-server/target/dist}: the host's
 * class path in {@code lib/} and the real, built plugin archives in {@code plugins/}.
 */
public final class Dist {
    private Dist() {
    }

    public static Path dir() {
        String dist = System.getProperty("swipeloop.dist");
        if (dist == null) {
            throw new IllegalStateException("swipeloop.dist is not set: run integration tests through mvn verify (failsafe)");
        }
        Path path = Path.of(dist);
        if (!Files.isDirectory(path.resolve("plugins"))) {
            throw new IllegalStateException(path + "/plugins is missing: mvn package lays it out");
        }
        return path;
    }

    /**
     * Copies the bundled plugin archives (not PF4J's unpacked folders beside them) into
     * {@code target}, which the host may then unpack into.
     */
    public static Path copyPlugins(Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(dir().resolve("plugins"))) {
                for (Path archive : files.filter(p -> p.toString().endsWith(".zip") || p.toString().endsWith(".jar")).toList()) {
                    Files.copy(archive, target.resolve(archive.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java -cp dist/lib/*}: the command line of a separate host JVM. */
    public static String classPath() {
        return dir().resolve("lib").toAbsolutePath() + "/*";
    }
}
