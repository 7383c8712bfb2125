package dev.asynclab.app.cli;

import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.story.InvocationStory;
import dev.asynclab.lab.story.Notable;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.story.StoryTeller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/// `asynclab explain LOG [--id N]`: the story of one invocation, or of the run's most notable ones (the slowest,
/// the most retried, a late finish, a rejection), one paragraph each, told from the log's events alone.
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Tell in plain sentences what happened to an invocation (or to the run's most notable ones).",
                "A log whose hash chain or invariants break is said so in one line, and the exit code is 1."})
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LOG", description = "The audit log (.jsonl).")
    Path log;

    @Option(names = "--id", paramLabel = "N", description = "The invocation to explain (default: the notable ones).")
    Long id;

    @picocli.CommandLine.ParentCommand
    Cli cli;

    @Override
    public Integer call() throws Exception {
        Output say = cli.output();
        InputFiles.log(log);
        say.step("reading %s", log);
        List<Event> events = new ArrayList<>();
        CheckedLog read = CheckedLog.read(log, say, events::add);
        RunHistory history = RunHistory.of(events);
        if (id != null) {
            InvocationStory story = StoryTeller.tell(history, id).orElseThrow(() -> noSuchId(history));
            print(say, story.title(), story);
            return read.exitCode(Cli.OK);
        }
        List<Notable> notable = Notable.pick(history);
        if (notable.isEmpty()) {
            say.report("the log holds no invocation to explain");
            return read.exitCode(Cli.OK);
        }
        for (int i = 0; i < notable.size(); i++) {
            Notable n = notable.get(i);
            InvocationStory story = StoryTeller.tell(history, n.id()).orElseThrow();
            if (i > 0) {
                say.report("");
            }
            print(say, story.title() + " — " + n.reason(), story);
        }
        return read.exitCode(Cli.OK);
    }

    private static void print(Output say, String heading, InvocationStory story) {
        say.report(heading);
        say.report(story.paragraph());
    }

    private IllegalArgumentException noSuchId(RunHistory history) {
        List<Long> ids = history.ids();
        String range = ids.isEmpty() ? "it holds no invocation" : "its ids run from "
                + ids.stream().mapToLong(Long::longValue).min().orElse(0) + " to "
                + ids.stream().mapToLong(Long::longValue).max().orElse(0);
        return new IllegalArgumentException("no invocation " + id + " in " + log + " (" + range + ")");
    }
}
