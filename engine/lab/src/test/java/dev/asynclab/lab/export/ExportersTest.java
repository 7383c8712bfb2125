package dev.asynclab.lab.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogMerger;
import dev.asynclab.lab.audit.AuditTestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ExportersTest {

    @TempDir
    Path dir;

    @Test
    void chromeTraceIsValidJsonWithABarPerAttemptOnItsWorker() throws IOException {
        JsonNode trace = chromeTrace();
        List<JsonNode> events = new ArrayList<>();
        trace.get("traceEvents").forEach(events::add);
        Map<Integer, String> threads = events.stream()
                .filter(e -> e.get("ph").asText().equals("M") && e.get("name").asText().equals("thread_name"))
                .collect(Collectors.toMap(e -> e.get("tid").asInt(), e -> e.get("args").get("name").asText()));

        List<JsonNode> bars = events.stream().filter(e -> e.get("ph").asText().equals("X")).toList();

        assertThat(threads.values()).containsExactlyInAnyOrder("w0", "w1", "w2", "queue");
        assertThat(bars).extracting(e -> e.get("name").asText() + "/" + e.get("cat").asText() + "@"
                        + threads.get(e.get("tid").asInt()))
                .containsExactly("fetch-user/SUCCEEDED@w0", "save-order/FAILED@w1", "save-order/TIMED_OUT@w1",
                        "late save-order/LATE_FINISH@w1", "cache/SUCCEEDED@w2");
        JsonNode first = bars.getFirst();
        assertThat(first.get("ts").decimalValue()).isEqualByComparingTo("2.000");      // µs: t = 2,000 ns
        assertThat(first.get("dur").decimalValue()).isEqualByComparingTo("50000.000");
        assertThat(first.get("pid").asInt()).isEqualTo(1);
        assertThat(bars.get(1).get("args").get("errorMessage").asText()).startsWith("connection reset:\n\t\"peer\"");
        assertThat(bars.get(3).get("ts").decimalValue()).isEqualByComparingTo("280000.100");
        assertThat(bars.get(3).get("dur").decimalValue()).isEqualByComparingTo("25000.000");
    }

    @Test
    void chromeTraceMarksTimeoutsCancelsRejectionsRetriesAndQueueWaits() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        chromeTrace().get("traceEvents").forEach(events::add);

        assertThat(events.stream().filter(e -> e.get("ph").asText().equals("i")).map(e -> e.get("cat").asText()))
                .containsExactly("RETRY_SCHEDULED", "TIMED_OUT", "CANCELLED", "REJECTED", "LOG");
        var queueBegins = events.stream().filter(e -> e.get("ph").asText().equals("b")
                && e.path("cat").asText().equals("queue")).toList();
        var queueEnds = events.stream().filter(e -> e.get("ph").asText().equals("e")
                && e.path("cat").asText().equals("queue")).toList();
        var groups = events.stream().filter(e -> e.path("cat").asText().equals("group")).toList();
        assertThat(groups).extracting(e -> e.get("ph").asText() + " " + e.get("name").asText() + " "
                + e.get("id").asText() + " " + e.get("ts").decimalValue().toPlainString())
                .containsExactly("b data-fetch g9 310000.0", "e data-fetch g9 315000.0");
        assertThat(queueBegins).extracting(e -> e.get("id").asText()).containsExactly("1", "2", "3", "4");
        assertThat(queueEnds).hasSize(4);
        assertThat(queueBegins.get(1).get("ts").decimalValue()).isEqualByComparingTo("60000.000");
        assertThat(queueEnds.get(1).get("ts").decimalValue()).isEqualByComparingTo("70000.000");
        assertThat(events.stream().filter(e -> e.get("ph").asText().equals("C"))
                .map(e -> e.get("name").asText() + "=" + e.get("args").get(e.get("name").asText()).asInt() + "@"
                        + e.get("ts").decimalValue().toPlainString()))
                .containsExactly("active=1@2.0", "active=0@50002.0", "queued=1@60000.001",
                        "active=1@70000.0", "queued=0@70000.0", "active=0@80000.0", "active=1@180000.1",
                        "active=0@280000.1", "active=1@310000.0", "active=0@315000.0");
    }

    @Test
    void chromeTraceGivesEveryEventACategoryAndNamesEveryThreadItUses() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        chromeTrace().get("traceEvents").forEach(events::add);
        Set<String> named = events.stream().filter(e -> e.get("name").asText().equals("thread_name"))
                .map(e -> e.get("pid").asInt() + "/" + e.get("tid").asInt()).collect(Collectors.toSet());

        assertThat(events).allSatisfy(e -> assertThat(e.path("cat").asText()).as(e.toString()).isNotBlank());
        assertThat(events).filteredOn(e -> e.has("tid"))
                .allSatisfy(e -> assertThat(named).as(e.toString()).contains(e.get("pid").asInt() + "/"
                        + e.get("tid").asInt()));
        assertThat(events.stream().filter(e -> e.get("ph").asText().equals("i") && e.get("tid").asInt() == 0)
                .map(e -> e.get("cat").asText())).containsExactly("RETRY_SCHEDULED", "CANCELLED", "REJECTED");
    }

    @Test
    void chromeTraceLinksEachRetryToTheAttemptBeforeItWithAFlow() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        chromeTrace().get("traceEvents").forEach(events::add);
        List<JsonNode> flows = events.stream().filter(e -> e.get("ph").asText().matches("[sf]")).toList();
        List<JsonNode> bars = events.stream().filter(e -> e.get("ph").asText().equals("X")
                && e.get("name").asText().equals("save-order")).toList();

        assertThat(flows).extracting(e -> e.get("ph").asText() + " " + e.get("id").asLong() + " "
                + e.get("cat").asText() + " " + e.path("bp").asText("-")).containsExactly("s 1 retry -", "f 1 retry e");
        for (int i = 0; i < 2; i++) {
            JsonNode flow = flows.get(i);
            JsonNode bar = bars.get(i);
            assertThat(flow.get("tid")).isEqualTo(bar.get("tid"));
            assertThat(flow.get("ts").decimalValue()).isStrictlyBetween(bar.get("ts").decimalValue(),
                    bar.get("ts").decimalValue().add(bar.get("dur").decimalValue()));
        }
    }

    @Test
    void chromeTraceOfAMergedLogNamesEachProcessAfterItsScenario() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        java.nio.file.Files.createDirectories(a);
        java.nio.file.Files.createDirectories(b);
        Path api = AuditTestLogs.write(a.resolve("audit.jsonl"), AuditTestLogs.header(), AuditTestLogs.run());
        Path worker = AuditTestLogs.write(b.resolve("audit.jsonl"), AuditHeader.of("run-2", "Nightly report",
                AuditTestLogs.START, "0.1.0", AuditHeader.CLOCK_SIMULATED, 1), AuditTestLogs.run());
        Path merged = dir.resolve("merged.jsonl");
        AuditLogMerger.merge(List.of(api, worker)).writeTo(merged);
        Path trace = dir.resolve("merged.trace.json");

        ChromeTraceExporter.export(merged, trace);

        List<String> processes = new ArrayList<>();
        new ObjectMapper().readTree(trace.toFile()).get("traceEvents").forEach(e -> {
            if (e.get("name").asText().equals("process_name")) {
                processes.add(e.get("args").get("name").asText());
            }
        });
        assertThat(processes).containsExactlyInAnyOrder("Pool saturation + Nightly report", "Pool saturation",
                "Nightly report");
    }

    @Test
    void csvHasOneRowPerAttemptWithQuotedText() throws IOException {
        Path log = AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), AuditTestLogs.run());
        Path csv = dir.resolve("attempts.csv");

        CsvExporter.export(log, csv);

        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<String> rows = List.of(text.split("\r\n"));
        assertThat(rows).containsExactly(
                CsvExporter.HEADER,
                "1,1,,fetch-user,w0,0.001000,0.002000,50.002000,SUCCEEDED,50.001000,50.000000,,",
                "2,1,7,save-order,w1,60.000000,70.000000,80.000000,FAILED,20.000000,10.000000,IOException,"
                        + "\"connection reset:\n\t\"\"peer\"\" said \\no\\ — ünïcödé ✓ 😀\"",
                "3,2,7,save-order,w1,180.000000,180.000100,280.000100,TIMED_OUT,100.000100,100.000000,"
                        + "TimeoutException,timed out after 100 ms",
                "4,1,,report,,300.000000,,301.000000,CANCELLED,1.000000,,CancellationException,",
                "5,1,,report,,302.000000,,302.000000,REJECTED,0.000000,,RejectedExecutionException,"
                        + "queue full (100)",
                "6,1,9,cache,w2,310.000000,310.000000,315.000000,SUCCEEDED,5.000000,5.000000,,");
    }

    @Test
    void csvListsUnfinishedAttemptsLast() throws IOException {
        var events = AuditTestLogs.run().subList(0, 3);
        var out = new java.io.ByteArrayOutputStream();

        CsvExporter.export(events::forEach, out);

        assertThat(out.toString(StandardCharsets.UTF_8).split("\r\n"))
                .containsExactly(CsvExporter.HEADER, "1,1,,fetch-user,w0,0.001000,0.002000,,UNFINISHED,,,,");
    }

    private JsonNode chromeTrace() throws IOException {
        Path log = AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), AuditTestLogs.run());
        Path trace = dir.resolve("trace.json");
        ChromeTraceExporter.export(log, trace);
        return new ObjectMapper().readTree(trace.toFile());
    }
}
