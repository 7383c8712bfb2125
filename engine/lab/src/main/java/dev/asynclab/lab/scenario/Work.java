package dev.asynclab.lab.scenario;

import dev.asynclab.lab.polyglot.ScriptLanguage;

/// What one invocation of a callback does.
///
/// ```yaml
/// work: { sleep: { uniform: [50ms, 150ms] } }   # IO-bound: waits, holds no CPU
/// work: { cpu: 20ms }                           # CPU-bound: busy on its worker
/// work: { js: "sleep(10); return 'hit'" }      # a script callback
/// ```
public sealed interface Work {

    /// Waits (like IO) for a drawn duration; on the real clock the worker is blocked but the CPU is free.
    record Sleep(Distribution duration) implements Work {
    }

    /// Busy CPU work for a drawn duration; on the real clock it spins on its worker.
    record Cpu(Distribution duration) implements Work {
    }

    /// A script callback. `origin` names where the source came from (`scripts/cache.js`, or `pool.yaml:12` for
    /// inline source) and `line` is the source's first line there, so a script error can name its line.
    record Script(ScriptLanguage language, String source, String origin, int line) implements Work {
    }
}
