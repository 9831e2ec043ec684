package dev.swipeloop.host.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * A logger that writes {@link JsonLine}s to one stream. Each line goes out in one write, so lines of
 * concurrent threads never interleave. The fluent API's events arrive whole ({@link LoggingEventAware}),
 * key-value pairs included.
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;

    private final transient PrintStream out;
    private final int level;

    JsonLogger(String name, int level, PrintStream out) {
        this.name = name;
        this.level = level;
        this.out = out;
    }

    private boolean enabled(Level at) {
        return at.toInt() >= level;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level at, Marker marker, String pattern, Object[] arguments,
                                               Throwable thrown) {
        write(System.currentTimeMillis(), at, Thread.currentThread().getName(), pattern, arguments, thrown, null);
    }

    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) {
            return;
        }
        Object[] arguments = event.getArgumentArray();
        Throwable thrown = event.getThrowable();
        if (thrown == null) {
            thrown = MessageFormatter.getThrowableCandidate(arguments);
            if (thrown != null) {
                arguments = MessageFormatter.trimmedCopy(arguments);
            }
        }
        String thread = event.getThreadName() != null ? event.getThreadName() : Thread.currentThread().getName();
        long timestamp = event.getTimeStamp() > 0 ? event.getTimeStamp() : System.currentTimeMillis();
        write(timestamp, event.getLevel(), thread, event.getMessage(), arguments, thrown, event.getKeyValuePairs());
    }

    private void write(long timestamp, Level at, String thread, String pattern, Object[] arguments, Throwable thrown,
                       List<KeyValuePair> pairs) {
        String message = arguments == null || arguments.length == 0 ? pattern
                : MessageFormatter.basicArrayFormat(pattern, arguments);
        byte[] line = JsonLine.of(timestamp, at, name, thread, message, thrown, pairs).getBytes(StandardCharsets.UTF_8);
        out.write(line, 0, line.length);
        out.flush();
    }
}
