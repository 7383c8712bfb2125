package dev.asynclab.lab.scenario;

import dev.asynclab.lab.polyglot.ScriptLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/// Script work (`js:`, `python:`) comes inline or from a file beside the scenario, and remembers where its first
/// line is, so a script error can name the line in the file the person edits.
class ScriptFilesTest {

    @Test
    void readsAScriptFileBesideTheScenario(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/lookup.py"), "sleep(5)\nreturn 'ok'\n");
        Path file = dir.resolve("py.yaml");
        Files.writeString(file, "name: py\ncallbacks:\n"
                + "  - { name: p, work: { python: { file: scripts/lookup.py } } }\n");

        CallbackSpec p = (CallbackSpec) ScenarioLoader.load(file).steps().getFirst();

        assertThat(p.work()).isEqualTo(new Work.Script(ScriptLanguage.PYTHON, "sleep(5)\nreturn 'ok'\n",
                "scripts/lookup.py", 1));
        assertThat(ScenarioLoader.load(file).source()).contains(file);
    }

    @Test
    void missingScriptFileIsAProblemAtItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("js.yaml");
        Files.writeString(file, "name: js\ncallbacks:\n  - name: j\n    work: { js: { file: nowhere.js } }\n");

        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));

        assertThat(e.problems().getFirst().line()).isEqualTo(4);
        assertThat(e.problems().getFirst().message()).startsWith("script file 'nowhere.js' not found");
    }

    @Test
    void blockScalarScriptStartsOnTheLineAfterItsIndicator() throws ScenarioException {
        String text = "name: s\ncallbacks:\n  - name: p\n    work:\n      python: |\n        sleep(1)\n";

        CallbackSpec p = (CallbackSpec) ScenarioLoader.load("s.yaml", text).steps().getFirst();

        assertThat(((Work.Script) p.work()).line()).isEqualTo(6);
    }
}
