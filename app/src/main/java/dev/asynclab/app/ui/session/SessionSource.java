package dev.asynclab.app.ui.session;

import dev.asynclab.lab.scenario.Scenario;

import java.nio.file.Path;
import java.util.Optional;

/// Where a session's events come from. Each kind names its file (if any) and its title; a scenario session also
/// carries the scenario, which is then what Run runs and what the lints are checked against. A what-if rerun is
/// a kind of its own: what it ran is not the file's scenario, and the window says so.
///
/// ```java
/// SessionSource s = new SessionSource.ReplayedLog(Path.of("audit.jsonl"));
/// s.title();   // "audit.jsonl"
/// ```
public sealed interface SessionSource {

    /// The window's title for this session.
    String title();

    /// The file this session shows, if it came from one.
    Optional<Path> file();

    /// The scenario Run runs in this session; empty for logs, broken files and nothing.
    default Optional<Scenario> scenario() {
        return Optional.empty();
    }

    /// Nothing open yet (the welcome view).
    record Nothing() implements SessionSource {
        @Override
        public String title() {
            return "Async Lab";
        }

        @Override
        public Optional<Path> file() {
            return Optional.empty();
        }
    }

    /// A scenario loaded and checked, not run yet; `path` is null for a scenario made in memory.
    record LoadedScenario(Path path, Scenario loaded) implements SessionSource {
        @Override
        public String title() {
            return loaded.name();
        }

        @Override
        public Optional<Path> file() {
            return Optional.ofNullable(path);
        }

        @Override
        public Optional<Scenario> scenario() {
            return Optional.of(loaded);
        }
    }

    /// A run of a scenario on the engine, with the options it ran with (in `describe()`).
    record ScenarioRun(Path path, Scenario ran, String describe) implements SessionSource {
        @Override
        public String title() {
            return ran.name();
        }

        @Override
        public Optional<Path> file() {
            return Optional.ofNullable(path);
        }

        @Override
        public Optional<Scenario> scenario() {
            return Optional.of(ran);
        }
    }

    /// A what-if rerun: the scenario of `path` as the Tuning window's what-if changed it (`changes` says how, in
    /// words), run on the simulated clock. Run runs the same what-if again; `path` is null for a scenario made in
    /// memory.
    record WhatIfRun(Path path, Scenario changed, String changes) implements SessionSource {
        @Override
        public String title() {
            return "what-if: " + changed.name();
        }

        @Override
        public Optional<Path> file() {
            return Optional.ofNullable(path);
        }

        @Override
        public Optional<Scenario> scenario() {
            return Optional.of(changed);
        }
    }

    /// A scenario's tour: one run on the simulated clock, shown step by step as the tour player asks.
    record Tour(Path path, Scenario toured) implements SessionSource {
        @Override
        public String title() {
            return toured.name() + " — tour";
        }

        @Override
        public Optional<Path> file() {
            return Optional.ofNullable(path);
        }

        @Override
        public Optional<Scenario> scenario() {
            return Optional.of(toured);
        }
    }

    /// Any other producer of events (the tests' synthetic runs, benchmarks).
    record Other(String title) implements SessionSource {
        @Override
        public Optional<Path> file() {
            return Optional.empty();
        }
    }

    /// An audit log replayed from the file.
    record ReplayedLog(Path log) implements SessionSource {
        @Override
        public String title() {
            return log.getFileName().toString();
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(log);
        }
    }

    /// An audit log followed while another program writes it.
    record FollowedLog(Path log) implements SessionSource {
        @Override
        public String title() {
            return "following " + log.getFileName();
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(log);
        }
    }

    /// A file that could not be opened: a scenario with mistakes, a log that is not one. Shows only its problem.
    record BrokenFile(Path broken, String problem) implements SessionSource {
        @Override
        public String title() {
            return broken.getFileName().toString();
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(broken);
        }
    }
}
