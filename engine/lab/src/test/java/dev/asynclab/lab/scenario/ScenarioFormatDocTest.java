package dev.asynclab.lab.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/// docs/scenario-format.md against the loader and the JSON Schema editors check with: every YAML example in it loads
/// and matches the schema (a fragment, such as the policies' or the tour's, inside the least scenario it needs), each
/// form of `work` it documents does too, and each error message it quotes is what the loader says.
class ScenarioFormatDocTest {

    static final Path DOC = Path.of("..", "..", "docs", "scenario-format.md");

    static List<String> yamlExamples() throws IOException {
        Matcher m = Pattern.compile("(?s)```yaml\\n(.*?)```").matcher(Files.readString(DOC));
        List<String> examples = new ArrayList<>();
        while (m.find()) {
            examples.add(m.group(1));
        }
        return examples;
    }

    @Test
    void everyYamlExampleOfTheDocLoads() throws Exception {
        List<String> examples = yamlExamples();
        assertThat(examples).as("the schema line, the example, the policies and the tour").hasSizeGreaterThan(3);
        int whole = 0;
        for (String yaml : examples) {
            if (yaml.strip().lines().allMatch(l -> l.startsWith("#"))) {
                continue; // the schema comment alone
            }
            String text;
            if (yaml.startsWith("name:") || yaml.contains("\nname:")) {
                text = yaml;
                whole++;
            } else if (yaml.startsWith("tour:")) {
                // The tour's own scenario: twenty calls every 10 ms, 80 to 120 ms each, a 100 ms limit.
                text = """
                        name: slow service
                        callbacks:
                          - name: slow-service
                            count: 20
                            arrival: { every: 10ms }
                            work: { sleep: { uniform: [80ms, 120ms] } }
                            timeout: 100ms
                        """ + yaml;
            } else {
                text = "name: policies\n" + yaml;
            }
            Scenario s = ScenarioLoader.load("doc.yaml", text);
            assertThat(s.steps()).isNotEmpty();
            assertThat(schema().validate(new ObjectMapper(new YAMLFactory()).readTree(text))).as(text).isEmpty();
        }
        assertThat(whole).as("the full example").isEqualTo(1);
    }

    @Test
    void theDocsErrorExamplesAreWhatTheLoaderSays() {
        String text = """
                name: pool
                pool: { size: 4 }
                callbacks:
                  - name: fetch-user
                    count: 3
                    work: { sleep: 10ms }
                    timout: 5ms
                    retry:
                      delay: 100
                      attempts: 2
                """;
        var e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("pool.yaml", text));
        assertThat(e.getMessage().lines()).containsExactly(
                "pool.yaml:7:5: unknown key 'timout' in callback 'fetch-user' (did you mean 'timeout'?)",
                "pool.yaml:9:14: expected a duration like 250ms, 1.5s, 2m or 100us for 'delay' in retry of callback "
                        + "'fetch-user', found '100' (add a unit: 100ms?)");
    }

    @Test
    void aDeclarationRefusedForItsOwnMistakeIsNotAlsoCalledUndeclared() {
        // One mistake, one line: a breaker without `window` used to add "names circuit breaker 'db', which is not
        // declared" at the callback, though it is declared, right there.
        String text = """
                name: p
                circuit_breakers:
                  db: { failure_rate: 50 }
                rate_limiters:
                  api: { burst: 2 }
                bulkheads:
                  reports: {}
                callbacks:
                  - name: a
                    circuit_breaker: db
                    rate_limiter: api
                    bulkhead: reports
                  - name: b
                    circuit_breaker: dbb
                """;
        var e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("p.yaml", text));
        assertThat(e.getMessage().lines()).containsExactly(
                "p.yaml:3:7: missing key 'window' in circuit breaker 'db': expected a number of calls (10) or a "
                        + "duration (10s)",
                "p.yaml:5:8: missing key 'limit' in rate limiter 'api': expected a rate like 50/s or 3000/m",
                "p.yaml:7:12: missing key 'max_concurrent' in bulkhead 'reports': expected how many calls may be in "
                        + "flight at once",
                "p.yaml:14:22: callback 'b' names circuit breaker 'dbb', which is not declared; expected a name "
                        + "declared under circuit_breakers:");
    }

    @Test
    void everyFormOfWorkTheDocListsLoadsAndMatchesTheSchema() throws Exception {
        // `when-queued` beside `cpu` is what `asynclab advise` writes into workload.yaml for CPU-bound work; the
        // schema refused it (work took exactly one key), so an editor marked a file the loader runs as wrong.
        var yaml = new ObjectMapper(new YAMLFactory());
        for (String work : new String[]{"{ sleep: 10ms }", "{ cpu: { exponential: 4ms } }",
                "{ cpu: 6ms, when-queued: { 3: 7ms, 8: { uniform: [7ms, 9ms] } } }",
                "{ downstream: { slots: 2, sleep: 10ms } }", "{ js: \"return 1\" }", "{ python: \"return 1\" }"}) {
            String text = "name: w\npool: { size: 2 }\ncallbacks:\n  - name: a\n    work: " + work + "\n";
            ScenarioLoader.load("w.yaml", text);
            assertThat(schema().validate(yaml.readTree(text))).as(work).isEmpty();
        }
        for (String refused : new String[]{"{ sleep: 6ms, when-queued: { 3: 7ms } }", "{ when-queued: { 3: 7ms } }",
                "{ sleep: 6ms, cpu: 6ms }", "{ cpu: 6ms, when-queued: { many: 7ms } }"}) {
            String text = "name: w\npool: { size: 2 }\ncallbacks:\n  - name: a\n    work: " + refused + "\n";
            assertThrows(ScenarioException.class, () -> ScenarioLoader.load("w.yaml", text), refused);
            assertThat(schema().validate(yaml.readTree(text))).as(refused).isNotEmpty();
        }
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("..", "..", "scenarios", "scenario.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
