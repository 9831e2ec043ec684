package dev.swipeloop.host.plugin;

import dev.swipeloop.sdk.plugin.PluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginRepository;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRepository;

/**
 * PF4J's default manager (zips, jars, development mode) with the host's plugin factory, and
 * a development repository that only offers module directories holding a
 * {@code plugin.properties} (the repo's {@code plugins/} also holds {@code src/} and a pom).
 */
final class HostPluginManager extends DefaultPluginManager {
    private final Function<String, PluginContext> contexts;

    HostPluginManager(Path pluginsRoot, String hostVersion, Function<String, PluginContext> contexts) {
        super(List.of(pluginsRoot));
        this.contexts = contexts;
        setSystemVersion(hostVersion);
    }

    @Override
    protected PluginFactory createPluginFactory() {
        // Called from the super constructor, before this.contexts is assigned: read it lazily.
        return new ContextPluginFactory(id -> contexts.apply(id));
    }

    @Override
    protected PluginRepository createPluginRepository() {
        if (!isDevelopment()) {
            return super.createPluginRepository();
        }
        return new DevelopmentPluginRepository(getPluginsRoots()) {
            @Override
            public List<Path> getPluginPaths() {
                return super.getPluginPaths().stream()
                        .filter(p -> Files.isRegularFile(p.resolve("plugin.properties")))
                        .toList();
            }
        };
    }
}
