package io.hubwarden.automation;

import io.hubwarden.workspace.Workspaces;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the automation tests add to the application: a clock they move by hand, a handler they script, one that runs
 * batches, and workspaces to file jobs under.
 */
@TestConfiguration(proxyBeanMethods = false)
class AutomationTestConfiguration {

    static final Instant START = Instant.parse("2030-01-01T09:00:00Z");

    @Bean
    @Primary
    SettableClock settableClock() {
        return new SettableClock(START);
    }

    @Bean
    TestWorkspaces testWorkspaces(Workspaces workspaces) {
        return new TestWorkspaces(workspaces);
    }

    @Bean
    ScriptedHandler scriptedHandler() {
        return new ScriptedHandler();
    }

    @Bean
    BatchingHandler batchingHandler() {
        return new BatchingHandler();
    }
}
