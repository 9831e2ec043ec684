package dev.swipeloop.host.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * Writes a PF4J plugin jar from compiled test classes: plugin.properties, the classes, and a
 * hand-written META-INF/extensions.idx (the fixtures carry no {@code @Extension}, so the host's
 * class path never offers them as system extensions).
 */
public final class TestPluginJar {
    private TestPluginJar() {
    }

    public static Path write(Path dir, String pluginId, Class<?> pluginClass, List<Class<?>> extensions) {
        Path jar = dir.resolve(pluginId + "-1.0.0.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            String props = "plugin.id=" + pluginId + "\nplugin.version=1.0.0\nplugin.provider=tests\n"
                    + (pluginClass == null ? "" : "plugin.class=" + pluginClass.getName() + "\n");
            put(out, "plugin.properties", props.getBytes(StandardCharsets.UTF_8));
            String index = extensions.stream().map(Class::getName).collect(Collectors.joining("\n", "", "\n"));
            put(out, "META-INF/extensions.idx", index.getBytes(StandardCharsets.UTF_8));
            for (Class<?> type : pluginClass == null ? extensions
                    : java.util.stream.Stream.concat(extensions.stream(), java.util.stream.Stream.of(pluginClass)).toList()) {
                String resource = type.getName().replace('.', '/') + ".class";
                try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                    put(out, resource, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
