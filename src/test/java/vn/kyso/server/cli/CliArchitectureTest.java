package vn.kyso.server.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The CLI must start without Spring: no class of it may touch Spring (or a database). */
@AnalyzeClasses(packages = "vn.kyso.server.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule cliDoesNotDependOnSpring = noClasses().that().resideInAPackage("vn.kyso.server.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule cliDoesNotReachIntoTheServiceModules = noClasses().that()
            .resideInAPackage("vn.kyso.server.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.kyso.ca..", "vn.kyso.usage..");
}
