package dev.asynclab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The malformed corpus in `bad-scenarios/`: every file gives a `ScenarioException` whose first problem
/// names the right line and says what was found and expected; none hangs or throws anything else.
class BadScenarioTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "bad-scenarios");
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @ParameterizedTest(name = "{0}")
    // Quotes are '"': JUnit 6's CSV reader is strict, and a message may start with a quoted 'word'.
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        syntax-error.yaml               | 5 | flow mapping that starts at line 4, column 11
        wrong-type-count.yaml           | 4 | for 'count' in callback 'fetch', found 'many'
        wrong-type-pool.yaml            | 2 | expected a mapping for pool, found '4'
        out-of-range-probability.yaml   | 5 | from 0 to 1 for 'probability' in fail of callback 'fetch'
        out-of-range-pool-size.yaml     | 2 | found 0
        out-of-range-attempts.yaml      | 5 | for 'attempts' in retry of callback 'fetch', found 0
        negative-duration.yaml          | 5 | found the negative duration '-5ms'
        duration-without-unit.yaml      | 4 | (add a unit: 250ms?)
        unknown-key-timout.yaml         | 7 | unknown key 'timout' in callback 'fetch-user' (did you mean 'timeout'?)
        unknown-key-calbacks.yaml       | 2 | unknown key 'calbacks' in the scenario (did you mean 'callbacks'?)
        duplicate-key.yaml              | 6 | duplicate key 'timeout' in callback 'fetch' (first given on line 4)
        java-object-tag.yaml            | 4 | explicit tag '!!java/object:java.lang.ProcessBuilder'
        custom-tag.yaml                 | 3 | explicit tag '!secret' is not allowed
        empty.yaml                      | 1 | the file is empty
        only-comment.yaml               | 1 | the file is empty
        billion-laughs.yaml             | 10 | more than 50 aliases
        alias-expansion.yaml            | 3 | the file expands to more than 250000 values (through aliases)
        recursive-alias.yaml            | 5 | groups nested deeper than 16 levels
        deep-nesting.yaml               | 3 | nesting deeper than 32 levels
        binary-garbage.yaml             | 1 | byte 0x89 is not UTF-8 text
        control-character.yaml          | 3 | character U+0000 is not allowed
        tab-indentation.yaml            | 3 | invalid YAML
        two-documents.yaml              | 4 | invalid YAML
        rate-without-unit.yaml          | 5 | expected a rate like 50/s or 3000/m (above zero) for 'poisson'
        uniform-min-above-max.yaml      | 4 | found min 150ms > max 50ms
        two-kinds-of-work.yaml          | 4 | expected exactly one of sleep, cpu, downstream, js, python in work of callback 'fetch'
        bad-expectation.yaml            | 5 | found 'about 200' for 'succeeded' in expect
        unknown-expect-key.yaml         | 5 | unknown key 'timedout' in expect (did you mean 'timed_out'?)
        missing-names.yaml              | 1 | missing key 'name' in the scenario: expected a short title
        count-does-not-match-at.yaml    | 4 | count 3 in callback 'fetch' does not match the 2 offsets
        member-with-count.yaml          | 6 | 'count' is not allowed in callback 'a'
        script-file-escapes.yaml        | 4 | expected a script file in the scenario's folder or below it
        undeclared-circuit-breaker.yaml | 6 | callback 'inventory' names circuit breaker 'inventroy-db', which is not declared (did you mean 'inventory-db'?)
        circuit-breaker-without-window.yaml | 3 | missing key 'window' in circuit breaker 'db': expected a number of calls (10) or a duration (10s)
        rate-limiter-limit-without-unit.yaml | 4 | expected a rate like 50/s or 3000/m (above zero) for 'limit' in rate limiter 'api'
        fault-of-two-kinds.yaml         | 5 | more than one kind of fault (error, latency) in a fault of callback 'call'; expected exactly one of error (a failure), latency or result
        fallback-unknown-outcome.yaml   | 4 | unknown outcome 'timeout' for 'on' in fallback of callback 'call' (did you mean 'timed_out'?)
        unknown-key-in-retry-budget.yaml | 5 | unknown key 'min_per_secnd' in retry budget 'backend' (did you mean 'min_per_second'?)
        top-level-list.yaml             | 1 | expected a mapping for the scenario, found a list
        quoted-number.yaml              | 4 | for 'count' in callback 'fetch', found '5'
        """)
    void corpusFileIsRejectedAtItsLine(String file, int line, String message) {
        ScenarioException e = rejected(CORPUS.resolve(file));

        // The problems are listed down the file; the one this file is about is among them, at its line.
        ScenarioProblem named = e.problems().stream().filter(p -> p.message().contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem says '" + message + "' in:\n" + e.getMessage()));
        // named by the path as given, as the log reader names a log (the line opens in an editor from here)
        assertThat(named.file()).isEqualTo(CORPUS.resolve(file).toString());
        assertThat(named.line()).as(named.toString()).isEqualTo(line);
        assertThat(named.column()).isPositive();
        assertThat(e.problems()).isSortedAccordingTo(java.util.Comparator.comparingInt(ScenarioProblem::line)
                .thenComparingInt(ScenarioProblem::column));
        assertThat(e.getMessage().lines()).allMatch(l -> l.startsWith(CORPUS.resolve(file) + ":"));
    }

    @Test
    void everyCorpusFileIsCoveredByTheTable() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertThat(names).hasSizeGreaterThanOrEqualTo(30);
            names.forEach(name -> assertThat(rejected(CORPUS.resolve(name)).problems()).isNotEmpty());
        }
    }

    @Test
    void veryLargeFileIsRejectedBeforeParsing(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        String entry = "  - { name: cb, work: { sleep: 10ms } }\n";
        Files.writeString(big, "name: big\ncallbacks:\n" + entry.repeat(ScenarioLoader.MAX_FILE_BYTES / entry.length()
                + 100));

        ScenarioProblem first = rejected(big).problems().getFirst();

        assertThat(first.line()).isEqualTo(1);
        assertThat(first.message()).contains("expected at most " + ScenarioLoader.MAX_FILE_BYTES);
    }

    @Test
    void veryDeepFileFailsFastWithoutOverflowingTheStack(@TempDir Path dir) throws IOException {
        Path deep = dir.resolve("deep.yaml");
        Files.writeString(deep, "name: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n");

        ScenarioProblem first = rejected(deep).problems().getFirst();

        assertThat(first.line()).isEqualTo(1);
        assertThat(first.message()).contains("nesting deeper than 32 levels");
    }

    @Test
    void deepBlockNestingFailsFast(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("name: deep\ncallbacks:\n");
        for (int i = 0; i < 300; i++) {
            text.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        Path deep = dir.resolve("deep-block.yaml");
        Files.writeString(deep, text);

        ScenarioProblem first = rejected(deep).problems().getFirst();

        assertThat(first.message()).contains("nesting deeper than 32 levels");
    }

    @Test
    void randomBinaryGarbageIsRejected(@TempDir Path dir) throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[1 + random.nextInt(4096)];
            random.nextBytes(bytes);
            Path file = dir.resolve("garbage-" + i + ".yaml");
            Files.write(file, bytes);

            assertThat(rejected(file).problems().getFirst().line()).isPositive();
        }
    }

    @Test
    void printableGarbageIsRejected(@TempDir Path dir) throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        String alphabet = "abc:-[]{}&*!|>'\"%@`#,? \n\t0123456789";
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(400); j > 0; j--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Path file = dir.resolve("noise-" + i + ".yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);

            assertThat(rejected(file).problems().getFirst().line()).isPositive();
        }
    }

    @Test
    void missingFileIsAProblemNotACrash() {
        ScenarioProblem first = rejected(CORPUS.resolve("no-such-file.yaml")).problems().getFirst();

        assertThat(first.message()).startsWith("no such file");
    }

    private static ScenarioException rejected(Path file) {
        return assertTimeoutPreemptively(GENEROUS, () -> assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(file)), file.toString());
    }
}
