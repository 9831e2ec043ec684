package dev.swipeloop.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostConfigLoaderTest {
    private static final String URL = "jdbc:postgresql://db.internal:5432/swipeloop";

    @Test
    void jdbcUrlIsTheShortFormOfThePostgresPluginsSetting() {
        HostConfigLoader config = HostConfigLoader.load(Args.parse(List.of("--storage", "postgres", "--jdbc-url", URL)));
        assertEquals("postgres", config.settings().storage());
        assertEquals(URL, config.sources().get("plugin.postgres.jdbcUrl"));
        assertEquals(null, config.sources().get("jdbcUrl"), "not left behind as an unknown host setting");
    }

    @Test
    void givingBothFormsIsAUsageErrorNamingThem() {
        UsageException e = assertThrows(UsageException.class, () -> HostConfigLoader.load(Args.parse(List.of(
                "--jdbc-url", URL, "--plugin.postgres.jdbc-url", URL))));
        assertTrue(e.getMessage().contains("--jdbc-url is short for --plugin.postgres.jdbc-url"), e.getMessage());
    }

    @Test
    void hostIdDefaultsToAnIdOfItsOwnPerStartAndCanBeSet() {
        String first = HostConfigLoader.load(Args.parse(List.of())).settings().hostId();
        String second = HostConfigLoader.load(Args.parse(List.of())).settings().hostId();
        assertTrue(first.matches(".+-[0-9a-f]{6}"), first);
        assertTrue(!first.equals(second), "two starts on one machine are two hosts");
        assertEquals("web-1", HostConfigLoader.load(Args.parse(List.of("--host.id", "web-1"))).settings().hostId());
    }
}
