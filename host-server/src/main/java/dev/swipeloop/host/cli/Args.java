package dev.swipeloop.host.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line flags: {@code --name value}, {@code --name=value}, bare {@code --flag} (true),
 * repeated flags collected in order. Flag names are kebab-case per dotted segment and map to
 * setting keys: {@code --limits.max-body-bytes} is {@code limits.maxBodyBytes}.
 */
public record Args(Map<String, List<String>> flags, List<String> positional) {

    public static Args parse(List<String> argv) {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < argv.size() && !argv.get(i + 1).startsWith("--")) {
                value = argv.get(++i);
            } else {
                value = "true";
            }
            flags.computeIfAbsent(toKey(name), k -> new ArrayList<>()).add(value);
        }
        return new Args(flags, positional);
    }

    public boolean has(String key) {
        return flags.containsKey(key);
    }

    /** The last value given for {@code key}, or null. */
    public String last(String key) {
        List<String> values = flags.get(key);
        return values == null ? null : values.get(values.size() - 1);
    }

    public List<String> all(String key) {
        return flags.getOrDefault(key, List.of());
    }

    /** Every flag except {@code excluded}, last value wins: the settings given on the command line. */
    public Map<String, String> settings(String... excluded) {
        Map<String, String> out = new LinkedHashMap<>();
        flags.forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
        for (String key : excluded) {
            out.remove(key);
        }
        return out;
    }

    /** {@code plugins-dir} → {@code pluginsDir}; dots separate segments and stay. */
    static String toKey(String flag) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : flag.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
