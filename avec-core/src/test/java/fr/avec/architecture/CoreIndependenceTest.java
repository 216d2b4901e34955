package fr.avec.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is a plain library: it must never know the server, the CLI or any framework. */
class CoreIndependenceTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.avec");

    @Test
    void coreNeverImportsSpringServerOrCli() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "fr.avec.server..", "fr.avec.cli..",
                        "picocli..", "jakarta.servlet..", "tools.jackson..", "com.fasterxml.jackson..")
                .because("avec-core is usable as a plain library (STYLE.md)")
                .check(core);
    }

    @Test
    void coreClassesExist() {
        // Guards the rule above against passing vacuously on an empty import.
        org.assertj.core.api.Assertions.assertThat(core.contain("fr.avec.data.DataDirectory")).isTrue();
    }
}
