package vn.kyso.signing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** signing-core is a plain library: no Spring, no JDBC, no servlet API (enforcer bans the jars too). */
class SigningCoreArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.kyso.signing");

    @Test
    void signingCoreDependsOnNeitherSpringNorJdbc() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void signingCoreDoesNotReachIntoOtherKysoModules() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("vn.kyso.ca..", "vn.kyso.usage..", "vn.kyso.server..")
                .check(classes);
    }
}
