package vn.kyso.ca;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** ca-admin uses spring-jdbc only: no Spring context or Boot, no HTTP, no other kyso module but signing-core. */
class CaArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.kyso.ca");

    @Test
    void theCaNeedsNoSpringContextNoBootAndNoHttp() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.context..", "org.springframework.boot..",
                        "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theCaNeverImportsUsageReportsOrTheServer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("vn.kyso.usage..", "vn.kyso.server..")
                .check(classes);
    }
}
