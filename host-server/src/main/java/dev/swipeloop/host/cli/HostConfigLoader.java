package dev.swipeloop.host.cli;

import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.host.logging.LogFormat;
import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.config.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns {@code --config FILE}, the environment and the flags into validated host settings. */
record HostConfigLoader(HostSettings settings, SettingSources sources) {
    /**
     * Flags that stand for a longer setting: {@code --jdbc-url URL} is the PostgreSQL plugin's
     * {@code --plugin.postgres.jdbc-url URL}, the one setting {@code --storage postgres} needs;
     * {@code --log-format json} is {@code --log.format json}.
     */
    static final Map<String, String> SHORT_FORMS = Map.of("jdbcUrl", "plugin.postgres.jdbcUrl",
            LogFormat.SHORT_FLAG_KEY, LogFormat.KEY);

    static HostConfigLoader load(Args args, String... commandOnlyFlags) {
        String configFile = args.last("config");
        if (configFile == null) {
            configFile = System.getenv(SettingSources.ENV_PREFIX + "CONFIG");
        }
        if (configFile != null && !Files.isRegularFile(Path.of(configFile))) {
            throw new UsageException("config file " + configFile + " does not exist");
        }
        String[] excluded = new String[commandOnlyFlags.length + 2];
        excluded[0] = "config";
        excluded[1] = "help";
        System.arraycopy(commandOnlyFlags, 0, excluded, 2, commandOnlyFlags.length);
        SettingSources sources;
        try {
            sources = SettingSources.load(configFile == null ? null : Path.of(configFile),
                    expandShortForms(args.settings(excluded)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }

        Map<String, String> raw = new LinkedHashMap<>(sources.explicitHostKeys());

        for (ConfigKey key : HostSettings.SPEC.keys()) {
            String value = sources.get(key.name());
            if (value != null) {
                raw.put(key.name(), value);
            }
        }
        try {
            return new HostConfigLoader(HostSettings.from(HostSettings.SPEC.parse(raw)), sources);
        } catch (ConfigException e) {
            throw new UsageException("invalid settings: " + e.errors().stream()
                    .map(err -> SettingSources.describe(err.key()) + " " + err.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    private static Map<String, String> expandShortForms(Map<String, String> flags) {
        Map<String, String> out = new LinkedHashMap<>(flags);
        SHORT_FORMS.forEach((shortKey, key) -> {
            String value = out.remove(shortKey);
            if (value != null) {
                if (out.containsKey(key)) {
                    throw new UsageException(SettingSources.flagName(shortKey) + " is short for "
                            + SettingSources.flagName(key) + "; give one of them");
                }
                out.put(key, value);
            }
        });
        return out;
    }
}
