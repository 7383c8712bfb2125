package dev.asynclab.app.ui.welcome;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The catalog read ahead gives what its source gives, read once on a thread of its own, and waits for it.
class PreloadedCatalogTest {

    private static final ScenarioEntry RACE = new ScenarioEntry(Path.of("07-race.yaml"), "Race", "first wins", "");

    @Test
    void givesTheSourcesScenariosReadOnceOffTheCallersThread() {
        var reads = new AtomicInteger();
        var readOn = new String[1];
        ScenarioCatalog source = () -> {
            reads.incrementAndGet();
            readOn[0] = Thread.currentThread().getName();
            return List.of(RACE);
        };

        var catalog = PreloadedCatalog.start(source);

        assertThat(catalog.scenarios()).containsExactly(RACE);
        assertThat(catalog.scenarios()).containsExactly(RACE);
        assertThat(reads).hasValue(1);
        assertThat(readOn[0]).isEqualTo("scenario-catalog").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void waitsForAReadingThatHasNotEnded() throws Exception {
        var release = new CountDownLatch(1);
        ScenarioCatalog slow = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(RACE);
        };
        var catalog = PreloadedCatalog.start(slow);
        var got = new Object[1];
        Thread reader = Thread.ofPlatform().start(() -> got[0] = catalog.scenarios());

        reader.join(200);
        assertThat(reader.isAlive()).as("still waiting for the reading").isTrue();
        release.countDown();
        reader.join();
        assertThat(got[0]).isEqualTo(List.of(RACE));
    }

    @Test
    void aFailingSourceFailsAsItWould() {
        ScenarioCatalog broken = () -> {
            throw new IllegalStateException("scenarios folder unreadable");
        };

        var catalog = PreloadedCatalog.start(broken);

        assertThatThrownBy(catalog::scenarios).isInstanceOf(IllegalStateException.class)
                .hasMessage("scenarios folder unreadable");
    }

    @Test
    void readsTheBuiltInScenariosAsTheFolderCatalogDoes() {
        var folder = List.of(Path.of(System.getProperty("asynclab.project.root", ".."), "scenarios"));

        assertThat(PreloadedCatalog.start(new FolderScenarioCatalog(folder)).scenarios())
                .isNotEmpty()
                .isEqualTo(new FolderScenarioCatalog(folder).scenarios());
    }
}
