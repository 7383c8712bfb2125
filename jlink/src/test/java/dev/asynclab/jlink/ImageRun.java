package dev.asynclab.jlink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/// One finished run of a program from the runtime image: its exit code and what it printed.
///
/// ```
/// var run = ImageRun.of(image, tmp, "bin/asynclab", "--version");
/// assertThat(run.exitCode()).as(run.describe()).isZero();
/// ```
record ImageRun(List<String> command, int exitCode, String stdout, String stderr) {

    /// Generous on purpose: the machine is shared, and this only stops a hung process from hanging the build.
    private static final long LIMIT_MINUTES = 5;

    /// Runs `program` (relative to the image, e.g. `bin/asynclab`) with `args`, in the directory `workDir`;
    /// output goes through files in `scratch` so a chatty process never blocks on a full pipe.
    static ImageRun of(Path image, Path workDir, Path scratch, String program, String... args)
            throws IOException, InterruptedException {
        return of(Map.of(), image, workDir, scratch, program, args);
    }

    /// The same, with `env` added to the environment.
    static ImageRun of(Map<String, String> env, Path image, Path workDir, Path scratch, String program,
                       String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(image.resolve(program).toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        var builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("ASYNCLAB_JAVA_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + LIMIT_MINUTES + " minutes");
        }
        return new ImageRun(List.copyOf(command), process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /// The command and its output, for assertion messages.
    String describe() {
        return String.join(" ", command) + "\nexit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
