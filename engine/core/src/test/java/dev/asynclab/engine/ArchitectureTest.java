package dev.asynclab.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/// The core is embeddable: it needs nothing but the JDK, and exports only its API, event and SPI packages.
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.asynclab.engine");

    @Test
    void coreDependsOnNothingButTheJdk() {
        assertThat(CORE.size()).isGreaterThan(20); // the import really found the core
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.asynclab.engine..", "java..")
                .because("a service embeds the core without a third-party jar, and the core never reaches the lab")
                .check(CORE);
    }

    @Test
    void coreModuleRequiresOnlyJdkModulesAndExportsOnlyApiEventAndSpi() {
        ModuleDescriptor module = AsyncCallbackWrapper.class.getModule().getDescriptor();
        assertThat(module).as("the core runs as a named module in tests").isNotNull();
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrder(
                "dev.asynclab.engine", "dev.asynclab.engine.event", "dev.asynclab.engine.spi");
        assertThat(module.requires()).allMatch(r -> r.name().startsWith("java."), "only JDK modules");
    }
}
