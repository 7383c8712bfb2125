package dev.asynclab.engine;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/// The engine is a plain library: no JavaFX, and only its API packages exported.
class ArchitectureTest {

    private static final com.tngtech.archunit.core.domain.JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.asynclab.engine");

    @Test
    void engineNeverUsesJavaFx() {
        assertThat(ENGINE.size()).isGreaterThan(20); // the import really found the engine
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .because("the engine is usable alone and knows nothing of the UI")
                .check(ENGINE);
    }

    @Test
    void internalsAreNotExported() {
        ModuleDescriptor module = AsyncCallbackWrapper.class.getModule().getDescriptor();
        assertThat(module).as("the engine runs as a named module in tests").isNotNull();
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).contains("dev.asynclab.engine", "dev.asynclab.engine.event", "dev.asynclab.engine.spi")
                .noneMatch(p -> p.contains("internal"));
        assertThat(module.requires()).noneMatch(r -> r.name().startsWith("javafx"));
    }
}
