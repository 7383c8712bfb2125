package dev.asynclab.lab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/// The core is published with no third-party dependency: in its own pom and in what it inherits from the parent,
/// every dependency is test-scoped, so a service that depends on `dev.asynclab:asynclab-core` gets one jar.
/// (The core's `ArchitectureTest` checks the other half: its module descriptor requires only `java.*`.)
class CoreDependenciesTest {

    private static final Path CORE_POM = Path.of("..", "core", "pom.xml");
    private static final Path PARENT_POM = Path.of("..", "..", "pom.xml");

    private static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>(.*?)</dependency>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");

    /// The artifacts a pom gives the jars that depend on it: its dependencies outside `dependencyManagement`
    /// (versions only) and outside `build` (plugins' own dependencies), without test scope. Profiles count too:
    /// an active profile's dependencies are published like any other.
    static List<String> published(String pom) {
        String project = pom.replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "")
                .replaceAll("(?s)<build>.*?</build>", "");
        List<String> found = new ArrayList<>();
        Matcher m = DEPENDENCY.matcher(project);
        while (m.find()) {
            String body = m.group(1);
            if (!body.replaceAll("\\s", "").contains("<scope>test</scope>")) {
                Matcher artifact = ARTIFACT.matcher(body);
                found.add(artifact.find() ? artifact.group(1) : body.strip());
            }
        }
        return found;
    }

    @Test
    void theCorePublishesNoDependency() throws IOException {
        String pom = Files.readString(CORE_POM);
        assertThat(pom).contains("<artifactId>asynclab-core</artifactId>"); // the right file

        assertThat(published(pom)).as("compile or runtime dependencies of %s", CORE_POM).isEmpty();
    }

    @Test
    void theParentGivesEveryModuleNoDependency() throws IOException {
        String pom = Files.readString(PARENT_POM);
        assertThat(pom).contains("<artifactId>asynclab-parent</artifactId>");

        assertThat(published(pom)).as("dependencies every module inherits from %s", PARENT_POM).isEmpty();
    }

    @Test
    void theCheckSeesACompileDependencyButNotManagedOrPluginOnes() {
        String pom = """
                <project>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>g</groupId><artifactId>managed</artifactId></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>g</groupId><artifactId>junit</artifactId><scope> test </scope></dependency>
                    <!-- <dependency><groupId>g</groupId><artifactId>commented</artifactId></dependency> -->
                    <dependency><groupId>g</groupId><artifactId>jackson</artifactId></dependency>
                    <dependency><groupId>g</groupId><artifactId>servlet</artifactId><scope>provided</scope></dependency>
                  </dependencies>
                  <build><plugins><plugin><dependencies>
                    <dependency><groupId>g</groupId><artifactId>plugin-only</artifactId></dependency>
                  </dependencies></plugin></plugins></build>
                </project>
                """;

        assertThat(published(pom)).containsExactly("jackson", "servlet");
    }
}
