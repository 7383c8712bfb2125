package dev.asynclab.lab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/// The formats an audit log exports to, each with the name the command line takes and the file extension it
/// writes by default.
///
/// ```java
/// ExportFormat.named("perfetto").orElseThrow().export(Path.of("audit.jsonl"), Path.of("audit.perfetto-trace"));
/// ```
public enum ExportFormat {
    /// Perfetto's native TrackEvent protobuf ([PerfettoExporter]): ui.perfetto.dev, trace_processor.
    PERFETTO("perfetto", ".perfetto-trace"),
    /// The Chrome Trace Event JSON ([ChromeTraceExporter]): chrome://tracing, Perfetto's legacy importer.
    CHROME_TRACE("chrome-trace", ".trace.json"),
    /// A JFR recording ([JfrExporter]): JDK Mission Control, `jfr print`, `jfr summary`.
    JFR("jfr", ".jfr"),
    /// One CSV row per attempt ([CsvExporter]): spreadsheets, pandas, R.
    CSV("csv", ".csv");

    private final String cliName;
    private final String extension;
    ExportFormat(String cliName, String extension) {
        this.cliName = cliName;
        this.extension = extension;
    }

    /// The name on the command line (`--format perfetto`).
    public String cliName() {
        return cliName;
    }

    /// The extension of the default output file, dot included.
    public String extension() {
        return extension;
    }

    /// The format called `name` on the command line (case-insensitive; `chrome` for `chrome-trace`).
    public static Optional<ExportFormat> named(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.equals("chrome")) {
            return Optional.of(CHROME_TRACE);
        }
        return Arrays.stream(values()).filter(f -> f.cliName.equals(n)).findFirst();
    }

    /// Reads `log` as a stream and writes it to `out` in this format.
    ///
    /// @throws dev.asynclab.lab.audit.AuditLogException when the log cannot be read
    public void export(Path log, Path out) throws IOException {
        switch (this) {
            case PERFETTO -> PerfettoExporter.export(log, out);
            case CHROME_TRACE -> ChromeTraceExporter.export(log, out);
            case JFR -> JfrExporter.export(log, out);
            case CSV -> CsvExporter.export(log, out);
        }
    }
}
