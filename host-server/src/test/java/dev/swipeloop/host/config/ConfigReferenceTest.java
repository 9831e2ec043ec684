package dev.swipeloop.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.config.ConfigReference.ExtensionEntry;
import dev.swipeloop.host.config.ConfigReference.Kind;
import dev.swipeloop.host.config.ConfigReference.PluginEntry;
import dev.swipeloop.sdk.config.ConfigKey;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {
    private static final ConfigSpec NONE = new ConfigSpec();

    @Test
    void aDocWithPipesLineBreaksAndMarkupStaysInItsOwnCell() {
        ConfigSpec host = new ConfigSpec().define("media.dir", ConfigType.STRING, null, false,
                "Images | uploads\nDefault: <data>/media, *not* shared\r\nby default");

        String row = row(render(host), "media.dir");

        assertEquals("| `media.dir` | string | — | `SWIPELOOP_MEDIA_DIR` | no | Images \\| uploads<br>Default: "
                + "&lt;data&gt;/media, \\*not\\* shared<br>by default |", row);
        assertEquals(7, row.split("(?<!\\\\)\\|", -1).length - 1, "six columns, so seven unescaped bars");
    }

    @Test
    void defaultsAreShownAsTypedAndAMissingOneAsADash() {
        ConfigSpec host = new ConfigSpec()
                .define("port", ConfigType.INT, 7070, false, "Port")
                .define("ratio", ConfigType.DOUBLE, 0.95, false, "Ratio")
                .define("hosts", ConfigType.LIST, List.of("a.example", "b.example"), false, "Hosts")
                .define("policies", ConfigType.LIST, List.of(), false, "Policies")
                .define("separator", ConfigType.STRING, "a|b", false, "Separator")
                .define("publicUrl", ConfigType.STRING, null, false, "URL")
                .define("jdbcUrl", ConfigType.STRING, null, true, "Database");

        String markdown = render(host);

        assertTrue(row(markdown, "port").startsWith("| `port` | int | `7070` | `SWIPELOOP_PORT` | no |"));
        assertTrue(row(markdown, "ratio").contains("| double | `0.95` |"));
        assertTrue(row(markdown, "hosts").contains("| list | `a.example,b.example` |"));
        assertTrue(row(markdown, "policies").contains("| list | empty |"));
        assertTrue(row(markdown, "separator").contains("| `a\\|b` |"), "a bar in a code span is escaped too");
        assertTrue(row(markdown, "publicUrl").contains("| string | — |"));
        assertTrue(row(markdown, "jdbcUrl").contains("| string | — (required) |"));
    }

    @Test
    void secretsAreMarkedAndTheirDefaultIsNeverPrinted() {
        ConfigSpec host = new ConfigSpec()
                .define("token", ConfigType.PASSWORD, "hunter2", false, "Operator token")
                .define("key", ConfigType.PASSWORD, null, false, "Key");

        String markdown = render(host);

        assertEquals("| `token` | string | •••• | `SWIPELOOP_TOKEN` | yes | Operator token |", row(markdown, "token"));
        assertEquals("| `key` | string | — | `SWIPELOOP_KEY` | yes | Key |", row(markdown, "key"));
        assertFalse(markdown.contains("hunter2"));
    }

    @Test
    void pluginSettingsAreNamedAsOperatorsTypeThemAndAppSettingsAsPatchTakesThem() {
        ConfigSpec storageSettings = new ConfigSpec().define("path", ConfigType.STRING, null, false, "Database file");
        ConfigSpec pointsApp = new ConfigSpec().define("perVote", ConfigType.INT, 1, false, "Points per vote");
        ConfigSpec app = new ConfigSpec()
                .define("ranking.z", ConfigType.DOUBLE, 1.96, false, "z")
                .define("webhooks.secret", ConfigType.PASSWORD, null, false, "Signing secret");
        List<PluginEntry> plugins = List.of(
                new PluginEntry("rewards", "2.0.1", "Rewards", null,
                        List.of(new ExtensionEntry(Kind.REWARD, "points", "Points per vote", NONE, pointsApp, NONE))),
                new PluginEntry("storage-lite", "1.2.3", "Lite | storage", null,
                        List.of(new ExtensionEntry(Kind.STORAGE, "lite", "", storageSettings, NONE, NONE))),
                new PluginEntry("broken", "0.1.0", "", "FAILED: needs host >=9", List.of()));
        Map<String, ConfigKey> rewardSettings = Map.of("reward.points.perVote", pointsApp.keys().get(0));

        String markdown = new ConfigReference(NONE, plugins, app, List.of("webhooks.secret"), rewardSettings, NONE)
                .markdown();

        assertTrue(markdown.contains("\n### `storage-lite` 1.2.3\n\nLite \\| storage\n\n#### Storage backend `lite`\n\n"
                + "| Key |"), markdown);
        assertEquals("| `plugin.lite.path` | string | — | `SWIPELOOP_PLUGIN_LITE_PATH` | no | Database file |",
                row(markdown, "plugin.lite.path"));
        assertTrue(markdown.contains("#### Reward policy `points`\n\nPoints per vote\n\nNo settings.\n\n"
                + "Per-app settings: `reward.points.*`"), markdown);
        assertTrue(markdown.contains("### `broken` 0.1.0\n\nNot loaded: FAILED: needs host &gt;=9\n"), markdown);
        assertEquals("| `reward.points.perVote` | int | `1` | no | Points per vote |", row(markdown, "reward.points.perVote"));
        assertEquals("| `webhooks.secret` (read-only) | string | — | yes | Signing secret |",
                row(markdown, "webhooks.secret"));
    }

    @Test
    void formatsAreListedByIdWithTheirOwnOptionsAndFlags() {
        ConfigSpec common = new ConfigSpec().define("minVotes", ConfigType.INT, 0, false, "Votes per item");
        ConfigSpec ties = new ConfigSpec().define("includeTies", ConfigType.BOOLEAN, false, false, "Ties too");
        List<PluginEntry> plugins = List.of(
                new PluginEntry("b-plugin", "1", "", null, List.of(
                        new ExtensionEntry(Kind.EXPORT, "pickapic", "", NONE, NONE, ties))),
                new PluginEntry("c-plugin", "1", "", null, List.of(
                        new ExtensionEntry(Kind.EXPORT, "csv", "", NONE, NONE, NONE))));

        String markdown = new ConfigReference(NONE, plugins, NONE, List.of(), Map.of(), common).markdown();

        assertEquals("| `minVotes` | `--min-votes` | int | `0` | Votes per item |", row(markdown, "minVotes"));
        assertEquals("| `includeTies` | `--include-ties` | boolean | `false` | Ties too |", row(markdown, "includeTies"));
        assertTrue(markdown.indexOf("### Format `csv`\n\nNo options of its own.") < markdown.indexOf("### Format `pickapic`"),
                markdown);
        assertTrue(markdown.contains("Options of an export: under [Format `pickapic`](#format-pickapic)."), markdown);
        assertEquals(markdown, new ConfigReference(NONE, plugins, NONE, List.of(), Map.of(), common).markdown(),
                "nothing but the inputs goes into the text");
    }

    private static String render(ConfigSpec host) {
        return new ConfigReference(host, List.of(), NONE, List.of(), Map.of(), NONE).markdown();
    }

    private static String row(String markdown, String key) {
        return markdown.lines().filter(line -> line.startsWith("| `" + key + "`")).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + key + " in:\n" + markdown));
    }
}
