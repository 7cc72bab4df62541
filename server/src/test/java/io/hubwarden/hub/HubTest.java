package io.hubwarden.hub;

import io.hubwarden.TestClockConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with its Meta app pointing at {@link TestMetaSimulator}: every hub test class, module or
 * dashboard, uses it, so they share one application. Jobs run on the application's own background worker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@ContextConfiguration(initializers = SimulatorSettings.class)
public @interface HubTest {}
