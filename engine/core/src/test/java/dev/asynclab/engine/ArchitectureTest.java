package dev.asynclab.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/// The core is embeddable: it needs nothing but the JDK, exports only its API, event and SPI packages, keeps its
/// exported API small, and never asks which clock it runs on.
class ArchitectureTest {

    /// Exported public top-level types the core has now. Raise it (to at most 25) only with a type worth its place.
    /// 17 for the engine, 6 for the resilience policies (CircuitBreaker, RateLimiter, Bulkhead, RetryBudget,
    /// Fallback, FaultInjection), and EventView, the fields of an event a sink reads in place from the bus's ring.
    static final int EXPORTED_TOP_LEVEL_TYPES = 24;

    /// The core's main classes, imported from where they were compiled (scanning the whole module path for the
    /// package took half a minute).
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(classesOf(AsyncCallbackWrapper.class));

    private static java.nio.file.Path classesOf(Class<?> type) {
        try {
            return java.nio.file.Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

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

    /// Every package of the core is its own slice, the API package included: the API needs the engine's
    /// leaf helpers (`internal`), the events and the clocks, and none of them needs the API back. That is why the
    /// classes that run an invocation (`Invocation`, the launchers, the helpers' runs) are package-private in the
    /// API package rather than in `internal`: they implement API types and the API creates them.
    @Test
    void corePackagesAreFreeOfCycles() {
        slices().matching("dev.asynclab.(**)")
                .should().beFreeOfCycles()
                .because("a package that needs another that needs it back is one package in two places")
                .check(CORE);
    }

    @Test
    void theCoreNeverAsksWhichClockItRunsOn() {
        var outsideSpi = CORE.that(com.tngtech.archunit.base.DescribedPredicate.describe("outside the spi package",
                c -> !c.getPackageName().equals("dev.asynclab.engine.spi")));
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName(
                        "dev.asynclab.engine.spi.SimulatedScheduler")
                .because("what differs between the clocks is a method of the Scheduler SPI, not an instanceof")
                .check(outsideSpi);
        var asks = new java.util.ArrayList<String>();
        for (var c : outsideSpi) {
            c.getInstanceofChecks().stream()
                    .filter(check -> check.getRawType().isAssignableTo(dev.asynclab.engine.spi.Scheduler.class))
                    .forEach(check -> asks.add(c.getName() + " instanceof " + check.getRawType().getName() + " at "
                            + check.getSourceCodeLocation()));
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getName().equals("isSimulated"))
                    .forEach(call -> asks.add(call.getDescription()));
        }
        assertThat(asks).as("instanceof of a clock or isSimulated() outside the spi package").isEmpty();
    }

    @Test
    void theExportedApiHasAtMostTwentyFiveTopLevelTypes() {
        Set<String> exported = Set.of("dev.asynclab.engine", "dev.asynclab.engine.event", "dev.asynclab.engine.spi");
        var topLevel = CORE.stream()
                .filter(c -> exported.contains(c.getPackageName()) && c.isTopLevelClass()
                        && c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .map(com.tngtech.archunit.core.domain.JavaClass::getSimpleName).sorted().toList();
        var nested = CORE.stream()
                .filter(c -> exported.contains(c.getPackageName()) && c.isNestedClass() && isPublicAllTheWayOut(c))
                .map(com.tngtech.archunit.core.domain.JavaClass::getName).sorted().toList();
        System.out.println("exported public types: " + topLevel.size() + " top-level " + topLevel + ", "
                + nested.size() + " nested " + nested);
        assertThat(topLevel).hasSize(EXPORTED_TOP_LEVEL_TYPES);
    }

    private static boolean isPublicAllTheWayOut(com.tngtech.archunit.core.domain.JavaClass c) {
        for (var k = java.util.Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (!k.get().getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
