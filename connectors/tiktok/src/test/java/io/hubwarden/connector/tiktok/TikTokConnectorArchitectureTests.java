package io.hubwarden.connector.tiktok;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.hubwarden.connector.HubConnectorProvider;

@AnalyzeClasses(packages = "io.hubwarden.connector.tiktok", importOptions = ImportOption.DoNotIncludeTests.class)
class TikTokConnectorArchitectureTests {

    @ArchTest
    static final ArchRule connectorDependsOnNoSpring = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("connectors load with ServiceLoader into any host");

    @ArchTest
    static final ArchRule connectorDependsOnNoOtherConnector = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.hubwarden.connector.meta..")
            .because("each connector stands on the SPI alone");

    @ArchTest
    static final ArchRule onlyTheProviderIsPublic = classes()
            .that()
            .arePublic()
            .should()
            .implement(HubConnectorProvider.class)
            .because("hosts reach the connector through the SPI; wire shapes stay inside");
}
