package io.hubwarden;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Rules Spring Modulith does not state; see ModularityTests for the module boundaries. */
@AnalyzeClasses(
        packages = "io.hubwarden",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTests {

    private static final String[] ADAPTERS = {"io.hubwarden.web..", "io.hubwarden.api..", "io.hubwarden.scim.."};

    @ArchTest
    static final ArchRule controllersLiveOnlyInTheWebApiAndScimAdapters = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainModulesDoNotDependOnAdapters = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "io.hubwarden.web..", "io.hubwarden.api..", "io.hubwarden.scim..", "io.hubwarden.webhook..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.hubwarden.web..", "io.hubwarden.api..", "io.hubwarden.scim..", "io.hubwarden.webhook..");

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should()
            .beAnnotatedWith(Autowired.class)
            .because("dependencies are constructor arguments, visible and final");

    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.util.logging..")
            .because("everything logs through SLF4J");

    @ArchTest
    static final ArchRule jsonIsJackson3 = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.fasterxml.jackson.databind..")
            .because("Jackson 3 (tools.jackson) is the JSON library; Jackson 2 is on the class path only for Flyway");

    @ArchTest
    static final ArchRule onlyThePlatformMakesIdsAndReadsTheClock = noClasses()
            .that()
            .resideOutsideOfPackage("io.hubwarden.platform..")
            .should()
            .callMethod(UUID.class, "randomUUID")
            .orShould()
            .callMethod(Instant.class, "now")
            .because("ids and time are injected (Ids, Clock), so tests are deterministic");
}
