package io.hubwarden.automation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The automation module with the platform beans it uses and the workspace module (jobs belong to real workspaces), on
 * the test database, with its worker stopped so that a test drives the queue itself through {@link JobWorker#runDueJobs()}, with a settable clock and deterministic waits:
 * 3 attempts, 10 s doubling back-off without jitter, 2 rate-limit postponements, 2 jobs per hub at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "workspace")
@Import(AutomationTestConfiguration.class)
@TestPropertySource(
        properties = {
            "hubwarden.automation.enabled=false",
            "hubwarden.automation.workers=4",
            "hubwarden.automation.hub-concurrency=2",
            "hubwarden.automation.retry.max-attempts=3",
            "hubwarden.automation.retry.base=10s",
            "hubwarden.automation.retry.cap=5m",
            "hubwarden.automation.retry.jitter=0",
            "hubwarden.automation.retry.max-postponements=2"
        })
@interface AutomationModuleTest {}
