package dev.swipeloop.host.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider of {@code log.format=json}: one JSON object per line on stderr, at the levels
 * slf4j-simple would use. Chosen by the {@code slf4j.provider} system property ({@link LogFormat});
 * deliberately not listed in {@code META-INF/services}, so that slf4j-simple stays the default.
 * Like slf4j-simple it keeps no MDC.
 */
public final class JsonLogServiceProvider implements SLF4JServiceProvider {
    /** The SLF4J API this provider is written against. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    @Override
    public void initialize() {
        loggerFactory = new JsonLoggerFactory(LogLevels.load(), System.err);
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new NOPMDCAdapter();
    }
}
