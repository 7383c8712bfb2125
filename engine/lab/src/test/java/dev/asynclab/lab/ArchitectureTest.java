package dev.asynclab.lab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.asynclab.lab.audit.AuditLogWriter;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/// The lab stands on the core and knows nothing of the UI.
class ArchitectureTest {

    private static final JavaClasses LAB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.asynclab.lab");

    @Test
    void labNeverUsesJavaFx() {
        assertThat(LAB.size()).isGreaterThan(20); // the import really found the lab
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "dev.asynclab.app..")
                .because("the lab is usable alone and knows nothing of the UI")
                .check(LAB);
    }

    @Test
    void labNeverReachesIntoTheCoreInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.asynclab.engine.internal..")
                .because("the core exports only its API, event and SPI packages")
                .check(LAB);
    }

    @Test
    void labIsANamedModuleOnTheCore() {
        ModuleDescriptor module = AuditLogWriter.class.getModule().getDescriptor();
        assertThat(module).as("the lab runs as a named module in tests").isNotNull();
        assertThat(module.requires()).anyMatch(r -> r.name().equals("dev.asynclab.engine"))
                .noneMatch(r -> r.name().startsWith("javafx"));
    }
}
