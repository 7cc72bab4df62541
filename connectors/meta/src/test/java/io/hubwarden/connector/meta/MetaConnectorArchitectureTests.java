package io.hubwarden.connector.meta;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.hubwarden.connector.HubConnectorProvider;

@AnalyzeClasses(packages = "io.hubwarden.connector.meta", importOptions = ImportOption.DoNotIncludeTests.class)
class MetaConnectorArchitectureTests {

    @ArchTest
    static final ArchRule connectorDependsOnNoSpring = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("connectors load with ServiceLoader into any host");

    @ArchTest
    static final ArchRule onlyTheProviderIsPublic = classes()
            .that()
            .arePublic()
            .should()
            .implement(HubConnectorProvider.class)
            .because("hosts reach the connector through the SPI; wire shapes stay inside");
}
