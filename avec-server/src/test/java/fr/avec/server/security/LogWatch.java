package fr.avec.server.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Watches every log call of the JVM for the {@link PlantedIdentifiers}: a turbo filter sees each call
 * before the level decides (so a message that production's INFO level would write is caught even when a
 * test runs at WARN; every level for Avec's own loggers), and a root appender sees the structured fields
 * of what is written. It survives Spring Boot's logging resets.
 */
public final class LogWatch {

    private static final List<String> LEAKS = new ArrayList<>();
    private static boolean installed;

    private LogWatch() {
    }

    /**
     * Installs the watch, or puts it back if a logging reset removed it (Spring Boot stops and restarts the
     * logging context at each application start, which drops filters, appenders and listeners).
     */
    public static synchronized void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        if (context.getTurboFilterList().stream().noneMatch(f -> "avec-log-watch".equals(f.getName()))) {
            attach(context);
        }
        if (installed && context.getCopyOfListenerList().stream().anyMatch(l -> l instanceof Resetting)) {
            return;
        }
        installed = true;
        context.addListener(new Resetting());
    }

    private static final class Resetting implements LoggerContextListener {
            @Override
            public boolean isResetResistant() {
                return true;
            }

            @Override
            public void onStart(LoggerContext c) {
            }

            @Override
            public void onReset(LoggerContext c) {
                attach(c);
            }

            @Override
            public void onStop(LoggerContext c) {
            }

            @Override
            public void onLevelChange(Logger logger, Level level) {
            }
    }

    /** The leaks seen since the last call, then forgotten. */
    public static synchronized List<String> drain() {
        List<String> seen = List.copyOf(LEAKS);
        LEAKS.clear();
        return seen;
    }

    private static void attach(LoggerContext context) {
        TurboFilter filter = new TurboFilter() {
            @Override
            public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
                if (format == null && t == null) {
                    return FilterReply.NEUTRAL;
                }
                boolean ours = logger.getName().startsWith("fr.avec");
                if (!ours && (level == null || !level.isGreaterOrEqual(Level.INFO))) {
                    return FilterReply.NEUTRAL;
                }
                StringBuilder text = new StringBuilder();
                if (format != null) {
                    text.append(params == null ? format : MessageFormatter.arrayFormat(format, params).getMessage());
                }
                for (Throwable cause = t; cause != null; cause = cause.getCause()) {
                    text.append(' ').append(cause.getMessage());
                }
                check(logger.getName() + " " + level, text.toString());
                return FilterReply.NEUTRAL;
            }
        };
        filter.setName("avec-log-watch");
        filter.start();
        context.addTurboFilter(filter);
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
                if (event.getKeyValuePairs() != null) {
                    event.getKeyValuePairs().forEach(pair -> text.append(' ').append(pair.key).append('=').append(pair.value));
                }
                for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                    text.append(' ').append(cause.getMessage());
                }
                check(event.getLoggerName() + " " + event.getLevel(), text.toString());
            }
        };
        appender.setName("avec-log-watch");
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    private static void check(String where, String text) {
        for (String planted : PlantedIdentifiers.ALL) {
            if (text.contains(planted)) {
                synchronized (LogWatch.class) {
                    LEAKS.add(where + ": " + planted);
                }
            }
        }
    }
}
