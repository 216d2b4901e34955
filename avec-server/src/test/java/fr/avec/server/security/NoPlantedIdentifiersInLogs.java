package fr.avec.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Applied to every test class of the server (JUnit extension auto-detection, see
 * {@code junit-platform.properties}): fails the class during which a planted identifier reached a log call.
 */
public final class NoPlantedIdentifiersInLogs implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LogWatch.install();
        LogWatch.drain();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertThat(LogWatch.drain()).as("planted patient identifiers found in log calls during " + context.getDisplayName()).isEmpty();
    }
}
