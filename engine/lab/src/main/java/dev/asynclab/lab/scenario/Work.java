package dev.asynclab.lab.scenario;

import dev.asynclab.lab.polyglot.ScriptLanguage;

/// What one invocation of a callback does.
///
/// ```yaml
/// work: { sleep: { uniform: [50ms, 150ms] } }   # IO-bound: waits, holds no CPU
/// work: { cpu: 20ms }                           # CPU-bound: busy on its worker
/// work: { cpu: 6ms, when-queued: { 3: 7ms } }    # ...longer when 3 or more calls wait as it starts
/// work: { downstream: { slots: 4, sleep: 10ms } } # a service behind, with 4 slots and a queue
/// work: { js: "sleep(10); return 'hit'" }      # a script callback
/// ```
public sealed interface Work {

    /// Waits (like IO) for a drawn duration; on the real clock the worker is blocked but the CPU is free.
    record Sleep(Distribution duration) implements Work {
    }

    /// Busy CPU work for a drawn duration; on the real clock it spins on its worker.
    ///
    /// `whenQueued` makes the duration depend on the load: an entry `n -> d` draws from `d` when at least `n`
    /// calls wait in the pool's queue as this one starts (the largest such `n` wins), `duration` when fewer than
    /// the smallest do. It is how `asynclab advise` replays CPU-bound work recorded on a machine whose every core
    /// was busy while a queue stood: the engine's own threads then take their turns from the work, which ran
    /// longer the longer the queue was. Without a pool nothing is queued, and `duration` is always drawn.
    ///
    /// @param duration   how long it works when the queue is shorter than every entry of `whenQueued`
    /// @param whenQueued by least queue length (at least 1), how long it works then; empty: always `duration`
    record Cpu(Distribution duration, java.util.NavigableMap<Integer, Distribution> whenQueued) implements Work {

        public Cpu {
            java.util.Objects.requireNonNull(duration, "duration");
            if (whenQueued.keySet().stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("when-queued needs queue lengths of at least 1, was "
                        + whenQueued.keySet());
            }
            whenQueued = java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(whenQueued));
        }

        /// Work whose length does not depend on the load.
        public Cpu(Distribution duration) {
            this(duration, new java.util.TreeMap<>());
        }

        /// The distribution to draw from when `queued` calls wait as it starts.
        public Distribution at(int queued) {
            var entry = whenQueued.floorEntry(queued);
            return entry == null ? duration : entry.getValue();
        }
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
