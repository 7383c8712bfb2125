package dev.asynclab.app.cli;

import dev.asynclab.lab.export.ExportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/// `asynclab export LOG --format perfetto|chrome-trace|jfr|csv`: a run for Perfetto, chrome://tracing, JDK Mission
/// Control or a spreadsheet.
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export an audit log for the tools people already use.", "",
                "Formats (file written next to the log unless --out says where):",
                "  perfetto      .perfetto-trace  Perfetto's own format: ui.perfetto.dev",
                "  chrome-trace  .trace.json      Chrome Trace JSON: chrome://tracing",
                "  jfr           .jfr             JDK Mission Control, jfr print/summary",
                "  csv           .csv             one row per attempt", ""})
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LOG", description = "The audit log (.jsonl).")
    Path log;

    @Option(names = "--format", required = true, converter = FormatConverter.class, paramLabel = "FORMAT",
            description = "perfetto, chrome-trace, jfr or csv.")
    ExportFormat format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file (default: next to the log, with the format's extension).")
    Path out;

    @picocli.CommandLine.ParentCommand
    Cli cli;

    @Override
    public Integer call() throws Exception {
        InputFiles.log(log);
        String base = log.getFileName().toString().replaceFirst("\\.jsonl$", "");
        Path target = out != null ? out : log.resolveSibling(base + format.extension());
        OutputFiles.file(OutputFiles.notAnInput(target, log));
        format.export(log, target);
        cli.output().report("wrote " + target);
        return Cli.OK;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            return ExportFormat.named(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "unknown format '" + value + "' (expected " + Arrays.stream(ExportFormat.values())
                            .map(ExportFormat::cliName).collect(Collectors.joining(", ")) + ")"));
        }
    }
}
