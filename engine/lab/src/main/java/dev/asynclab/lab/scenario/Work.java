package dev.asynclab.lab.scenario;

import dev.asynclab.lab.polyglot.ScriptLanguage;

/// What one invocation of a callback does.
///
/// ```yaml
/// work: { sleep: { uniform: [50ms, 150ms] } }   # IO-bound: waits, holds no CPU
/// work: { cpu: 20ms }                           # CPU-bound: busy on its worker
/// work: { downstream: { slots: 4, sleep: 10ms } } # a service behind, with 4 slots and a queue
/// work: { js: "sleep(10); return 'hit'" }      # a script callback
/// ```
public sealed interface Work {

    /// Waits (like IO) for a drawn duration; on the real clock the worker is blocked but the CPU is free.
    record Sleep(Distribution duration) implements Work {
    }

    /// Busy CPU work for a drawn duration; on the real clock it spins on its worker.
    record Cpu(Distribution duration) implements Work {
    }

    /// Calls a downstream that serves `slots` calls at once, first come first served, each for a drawn duration;
    /// the rest wait in its queue. One downstream per callback entry, shared by all its invocations. A caller that
    /// times out leaves its request behind: the downstream, which does not know, still serves it. The worker is
    /// held while the call waits and runs, so the latency a pool sees grows with the downstream's queue.
    record Downstream(int slots, Distribution duration) implements Work {
        public Downstream {
            if (slots < 1) {
                throw new IllegalArgumentException("a downstream needs at least 1 slot, was " + slots);
            }
        }
    }

    /// A script callback. `origin` names where the source came from (`scripts/cache.js`, or `pool.yaml:12` for
    /// inline source) and `line` is the source's first line there, so a script error can name its line.
    record Script(ScriptLanguage language, String source, String origin, int line) implements Work {
    }
}
