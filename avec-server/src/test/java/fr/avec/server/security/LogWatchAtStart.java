package fr.avec.server.security;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/** Puts the {@link LogWatch} back after Spring Boot has (re)initialised logging for an application of a test. */
public final class LogWatchAtStart implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        LogWatch.install();
    }
}
