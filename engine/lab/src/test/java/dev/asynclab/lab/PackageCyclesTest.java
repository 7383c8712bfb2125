package dev.asynclab.lab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/// Dependencies point one way, app -> lab -> core, and no two packages of the core and the lab need each other.
class PackageCyclesTest {

    private static final JavaClasses CORE_AND_LAB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.asynclab.engine", "dev.asynclab.lab");

    @Test
    void theImportSeesBothModules() {
        assertThat(CORE_AND_LAB.containPackage("dev.asynclab.engine.event")).isTrue();
        assertThat(CORE_AND_LAB.containPackage("dev.asynclab.lab.scenario")).isTrue();
    }

    /// With the core never reaching the lab (below), a cycle through both is impossible, so this and the
    /// core's own rule cover every package.
    @Test
    void labPackagesAreFreeOfCycles() {
        slices().matching("dev.asynclab.lab.(**)")
                .should().beFreeOfCycles()
                .because("a package that needs another that needs it back is one package in two places")
                .check(CORE_AND_LAB);
    }

    @Test
    void coreAndLabAreFreeOfCycles() {
        slices().matching("dev.asynclab.(*)..")
                .should().beFreeOfCycles()
                .because("the lab stands on the core, never the other way")
                .check(CORE_AND_LAB);
    }

    @Test
    void coreNeverReachesTheLab() {
        noClasses().that().resideInAPackage("dev.asynclab.engine..")
                .should().dependOnClassesThat().resideInAPackage("dev.asynclab.lab..")
                .because("the core is embedded without the lab")
                .check(CORE_AND_LAB);
    }
}
