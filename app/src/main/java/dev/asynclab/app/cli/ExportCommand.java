package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.ChromeTraceExporter;
import dev.asynclab.lab.audit.CsvExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/// `asynclab export LOG --format chrome-trace|csv`: Perfetto/chrome://tracing JSON or one CSV row per attempt.
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export an audit log as Chrome Trace Event JSON (opens in Perfetto) or CSV.")
final class ExportCommand implements Callable<Integer> {

    enum Format { CHROME_TRACE, CSV }

    @Parameters(paramLabel = "LOG", description = "The audit log (.jsonl).")
    Path log;

    @Option(names = "--format", required = true, converter = FormatConverter.class,
            description = "chrome-trace or csv.")
    Format format;

    @Option(names = "--out", description = "Output file (default: next to the log, .trace.json or .csv).")
    Path out;

    @picocli.CommandLine.ParentCommand
    Cli cli;

    @Override
    public Integer call() throws Exception {
        InputFiles.existing(log);
        String base = log.getFileName().toString().replaceFirst("\\.jsonl$", "");
        Path target = out != null ? out : log.resolveSibling(base + (format == Format.CSV ? ".csv" : ".trace.json"));
        OutputFiles.file(target);
        switch (format) {
            case CHROME_TRACE -> ChromeTraceExporter.export(log, target);
            case CSV -> CsvExporter.export(log, target);
        }
        cli.output().report("wrote " + target);
        return Cli.OK;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value.toLowerCase()) {
                case "chrome-trace", "chrome", "perfetto" -> Format.CHROME_TRACE;
                case "csv" -> Format.CSV;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "unknown format '" + value + "' (expected chrome-trace or csv)");
            };
        }
    }
}
