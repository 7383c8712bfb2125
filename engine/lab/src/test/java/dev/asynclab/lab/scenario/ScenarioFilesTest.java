package dev.asynclab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/// Every file in `scenarios/` passes both the JSON Schema that editors use and the loader, and the two agree
/// on what is wrong.
class ScenarioFilesTest {

    static final Path FOLDER = Path.of("..", "..", "scenarios");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = Files.newInputStream(FOLDER.resolve("scenario.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void folderHoldsAtLeastFourteenScenarios() throws IOException {
        assertThat(scenarioFiles().count()).isGreaterThanOrEqualTo(14);
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void scenarioLoadsAndSaysWhatToLookAt(Path file) throws Exception {
        Scenario scenario = ScenarioLoader.load(file);

        assertThat(scenario.description()).hasSizeGreaterThan(80);
        assertThat(scenario.expect().counts()).isNotEmpty();
        assertThat(scenario.source()).contains(file);
        assertThat(Files.readAllLines(file).getFirst())
                .isEqualTo("# yaml-language-server: $schema=./scenario.schema.json");
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void scenarioMatchesTheSchema(Path file) throws IOException {
        Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));

        assertThat(errors).as(file.toString()).isEmpty();
    }

    @Test
    void scenarioNamesAreUnique() throws Exception {
        List<String> names = scenarioFiles().map(ScenarioFilesTest::nameOf).toList();

        assertThat(names).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "name: x\ncallbacks:\n  - { name: a, timout: 5ms }\n",
        "name: x\ncallbacks:\n  - { name: a, count: 0 }\n",
        "name: x\ncallbacks:\n  - { name: a, timeout: -5ms }\n",
        "name: x\ncallbacks:\n  - { name: a, fail: { probability: 1.5 } }\n",
        "name: x\ncallbacks:\n  - { name: a, work: { sleep: 10ms, cpu: 5ms } }\n",
        "name: x\ncallbacks:\n  - { name: a, arrival: { poisson: 50 } }\n",
        "name: x\ncallbacks:\n  - race: { members: [ { name: a, count: 2 } ] }\n",
        "name: x\ncallbacks:\n  - hedge: { members: [ { name: a } ] }\n",
        "name: x\ncallbacks:\n  - { name: a, retry: { delay: 5ms } }\n",
        "name: x\npool: { size: 0 }\ncallbacks:\n  - { name: a }\n",
        "name: x\ncallbacks:\n  - { name: a }\nexpect: { succeeded: \"about 5\" }\n",
        "name: x\ncallbacks: []\n",
        "name: x\ncircuit_breakers: { db: { failure_rate: 50 } }\ncallbacks:\n  - { name: a, circuit_breaker: db }\n",
        "name: x\ncircuit_breakers: { db: { window: 5, slow_call_rate: 50 } }\ncallbacks:\n  - { name: a }\n",
        "name: x\nrate_limiters: { api: { limit: 20 } }\ncallbacks:\n  - { name: a }\n",
        "name: x\nbulkheads: { db: { max_concurrent: 0 } }\ncallbacks:\n  - { name: a }\n",
        "name: x\nretry_budgets: { b: { ratio: -1 } }\ncallbacks:\n  - { name: a }\n",
        "name: x\ncallbacks:\n  - { name: a, faults: [ { rate: 0.5, error: E, latency: 5ms } ] }\n",
        "name: x\ncallbacks:\n  - { name: a, faults: [ { rate: 0.5 } ] }\n",
        "name: x\ncallbacks:\n  - { name: a, faults: [ { rate: 1.5, latency: 5ms } ] }\n",
        "name: x\ncallbacks:\n  - { name: a, fallback: { on: failed } }\n",
        "name: x\ncallbacks:\n  - { name: a, fallback: { value: v, on: [timeout] } }\n",
        "name: x\ncallbacks:\n  - { name: a }\ntour:\n  - { caption: c }\n",
        "name: x\ncallbacks:\n  - { name: a }\ntour:\n  - { at: 0ms, on: { event: queued }, caption: c }\n",
        "name: x\ncallbacks:\n  - { name: a }\ntour:\n  - { on: { event: timed_ot }, caption: c }\n",
        "name: x\ncallbacks:\n  - { name: a }\ntour:\n  - { at: 0ms, caption: c, question: { ask: q, "
                + "answer: { count: timedout }, choices: [ { say: a, when: 0 }, { say: b, when: 1 } ] } }\n",
        "name: x\ncallbacks:\n  - { name: a }\ntour:\n  - { at: 0ms, caption: c, question: { ask: q, "
                + "answer: { count: failed }, choices: [ { say: a, when: 0 } ] } }\n",
    })
    void schemaAndLoaderRejectTheSameMistakes(String text) throws IOException {
        assertThat(schema.validate(YAML.readTree(text))).as("schema errors").isNotEmpty();
        org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("inline.yaml", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "name: x\ncallbacks:\n  - { name: a }\n",
        "name: x\ncallbacks:\n  - { name: a, arrival: { at: [0, 5ms] }, timeout: 0 }\n",
        "name: x\ncallbacks:\n  - race: { members: [ { parallel: { members: [ { name: a } ] } } ] }\n",
        "name: x\ncallbacks:\n  - { name: a, retry: { attempts: 2, retry_on: IOException } }\n",
        "name: x\ncircuit_breakers: { db: { window: 10s, slow_call_rate: 50, slow_call: 1s } }\n"
                + "rate_limiters: { api: { limit: 5/s, burst: 2, max_wait: 1s } }\n"
                + "bulkheads: { pool: { max_concurrent: 3 } }\nretry_budgets: { b: { ratio: 0.1 } }\n"
                + "callbacks:\n  - { name: a, circuit_breaker: db, rate_limiter: api, bulkhead: pool, retry_budget: b,"
                + " fallback: { value: v, on: rejected }, faults: [ { rate: 0.1, latency: 5ms }, { rate: 0.1, result: r } ] }\n",
        "name: x\ncallbacks:\n  - { name: a }\ntour:\n  - { at: 0ms, caption: c }\n  - { on: { event: timed_out, "
                + "name: a, attempt: 2 }, caption: c, question: { ask: q, answer: { count: failed, name: a }, "
                + "choices: [ { say: none, when: 0 }, { say: some, when: \">= 1\" } ], explain: e } }\n",
    })
    void schemaAndLoaderAcceptTheSameForms(String text) throws Exception {
        assertThat(schema.validate(YAML.readTree(text))).isEmpty();
        assertThat(ScenarioLoader.load("inline.yaml", text).steps()).hasSize(1);
    }

    private static String nameOf(Path file) {
        try {
            return ScenarioLoader.load(file).name();
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
