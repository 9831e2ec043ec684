package dev.swipeloop.host.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** JSON logs show what the text logs show: slf4j-simple's levels from simplelogger.properties. */
class LogLevelsTest {
    @Test
    void theHostsSimpleLoggerLevelsApplyNearestPackageFirst() {
        LogLevels levels = LogLevels.load();
        assertEquals(Level.INFO.toInt(), levels.of("dev.swipeloop.host.SwipeloopHost"));
        assertEquals(Level.WARN.toInt(), levels.of("org.eclipse.jetty.server.Server"));
        assertEquals(Level.WARN.toInt(), levels.of("org.pf4j"));
        assertEquals(Level.INFO.toInt(), levels.of("org.eclipse"));
    }

    @Test
    void aSystemPropertyWinsAsItDoesForSlf4jSimple() {
        String key = "org.slf4j.simpleLogger.log.dev.swipeloop.host.ingest";
        System.setProperty(key, "debug");
        try {
            LogLevels levels = LogLevels.load();
            assertEquals(Level.DEBUG.toInt(), levels.of("dev.swipeloop.host.ingest.GroupCommitWriter"));
            assertEquals(Level.INFO.toInt(), levels.of("dev.swipeloop.host.http.HttpApi"));
            System.setProperty(key, "off");
            assertEquals(LogLevels.OFF, LogLevels.load().of("dev.swipeloop.host.ingest.GroupCommitWriter"));
        } finally {
            System.clearProperty(key);
        }
    }
}
