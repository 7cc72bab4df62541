package io.hubwarden.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.hubwarden.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class ConnectorSpiArchitectureTests {

    @ArchTest
    static final ArchRule spiDependsOnNoSpring = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("the SPI is plain Java so that any host can load connectors");

    @ArchTest
    static final ArchRule spiDependsOnNoJackson = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml..", "tools.jackson..")
            .because("wire formats are each connector's own business");
}
