package dev.asynclab.lab.advise;

import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.spi.RealScheduler.ThreadMode;
import dev.asynclab.lab.scenario.Arrival;
import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Defaults;
import dev.asynclab.lab.scenario.Distribution;
import dev.asynclab.lab.scenario.Expectation;
import dev.asynclab.lab.scenario.Failure;
import dev.asynclab.lab.scenario.PoolSpec;
import dev.asynclab.lab.scenario.Position;
import dev.asynclab.lab.scenario.RetryPolicies;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.Tour;
import dev.asynclab.lab.scenario.Work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/// The workload an audit log shows, fitted: per callback its arrivals (the recorded trace, replayed in blocks), its
/// service time (Kaplan–Meier over the attempts, so timeouts and cancels count for as long as they ran), its
/// failures, timeout and retries; and the pool. [#scenario(double)] turns it into a scenario the engine can
/// replay on the simulated clock; [#resample(RandomGenerator)] gives a bootstrap replicate of it.
///
/// ```java
/// Recorded run = LogReading.read(Path.of("audit.jsonl"), 2);
/// WorkloadFit fit = WorkloadFit.of(run, CpuVerdict.of(run, 2));   // 2 cores
/// Scenario replay = fit.scenario(1.5).withPoolSize(8); // traffic 50 % higher, 8 workers
/// ```
///
/// @param name      the recorded run's name
/// @param poolSize  the recorded pool size (0: the log names none)
/// @param queueCap  the queue capacity (-1: unbounded, nothing was rejected)
/// @param callbacks per callback name
/// @param cpu       whether the machine capped the parallelism
/// @param notes     what the fit could not carry over, in words
public record WorkloadFit(String name, int poolSize, int queueCap, List<CallbackFit> callbacks, CpuVerdict cpu,
                          List<String> notes) {

    /// Arrivals closer together than this count as one batch (a burst fired at once reaches the log spread over
    /// the timer's tick).
    static final long BATCH_WINDOW_NS = 1_000_000;
    /// The most values an empirical distribution gets in the written scenario: quantiles beyond that.
    static final int MAX_VALUES = 1_000;
    /// The most values it gets in the advice's own replays (the scenario format's limit). A thousand quantiles
    /// leave ten values above the p99: every replay then drew nearly the same p99, so the advice's interval held
    /// only what the recording could not pin down, not how one run differs from the next (at a pool of 6 on
    /// lognormal sleeps, ±1.8 ms against the ±2.8 ms two samples of 24,000 calls differ by).
    static final int REPLAY_VALUES = 100_000;
    /// The longest trace replayed as recorded (`arrival: { at: [...] }`, the scenario format's limit); a longer
    /// one is replayed as a renewal process of its gaps and batch sizes.
    static final int MAX_TRACE = 100_000;
    /// The fewest runs a queue-length band of CPU-bound work is fitted from: enough for its upper quantiles.
    static final int MIN_BAND = 200;

    public WorkloadFit {
        callbacks = List.copyOf(callbacks);
        notes = List.copyOf(notes);
    }

    /// One callback's fitted workload, with the observations it came from (for resampling).
    ///
    /// @param count     first attempts recorded
    /// @param trace     their arrival offsets from the first one, ascending
    /// @param blockSeed 0: the trace replays in order; otherwise the seed that picks its blocks (a bootstrap)
    /// @param gaps      the gaps between batches of arrivals (less than 1 ms apart), in nanoseconds
    /// @param sizes     the size of each batch
    /// @param execNs    how long each started attempt ran
    /// @param waitingAtStart how many others waited as each started (the queue it found)
    /// @param finished  whether each ran to its end
    /// @param failure   failures at the end of a complete run, with the commonest error
    /// @param timeout   the timeout (zero: none seen)
    /// @param retry     the retry policy seen
    public record CallbackFit(String name, int count, long[] trace, long blockSeed, long[] gaps, int[] sizes,
                              long[] execNs, int[] waitingAtStart, boolean[] finished, Failure failure,
                              Duration timeout, RetryPolicy retry) {

        /// How many blocks the trace is cut into for the bootstrap: about 80 arrivals each, 1 to 50 blocks. A
        /// block keeps the traffic's shape within it (a burst, a lull); only the order of blocks is resampled.
        int blocks() {
            return Math.max(1, Math.min(50, trace.length / 80));
        }

        /// The recorded span, from the first arrival to one mean gap past the last.
        long span() {
            long last = trace[trace.length - 1];
            return last + Math.max(1, last / Math.max(1, trace.length - 1));
        }

        /// The arrivals replayed over the recorded span at `scale` times the rate: the trace cut into blocks,
        /// each compressed by `scale`, laid end to end until the span is full — in the recorded order, or in an
        /// order drawn with replacement when this fit is a bootstrap replicate (a moving-block bootstrap).
        ///
        /// A block is cut only where a batch begins (never inside a burst the timer spread over a millisecond),
        /// and joins the one before it after the gap that preceded it in the recording. Cutting at fixed times
        /// and laying blocks at fixed offsets put the traffic's rhythm out of step at every join: bursts every
        /// 100 ms met bursts a few milliseconds later, and the advice predicted the bursts' p99 at a pool of 2
        /// 7–11 % too long in four runs out of four (105–111 ms against 97.5–100 ms real, 97.8–100.1 ms over
        /// twelve seeds on the simulated clock).
        public Arrival.At replay(double scale) {
            if (blockSeed != 0 && poissonLike()) {
                return freshPoisson(scale);
            }
            int[] cuts = cuts();
            int blocks = cuts.length - 1;
            long span = span();
            var picker = blockSeed == 0 ? null : new java.util.SplittableRandom(blockSeed);
            int batches = 1;
            for (int i = 1; i < trace.length; i++) {
                batches += trace[i] - trace[i - 1] >= BATCH_WINDOW_NS ? 1 : 0;
            }
            // The way into the first block, which the recording does not show: the mean gap between batches.
            long meanGap = Math.max(1, (trace[trace.length - 1] - trace[0]) / Math.max(1, batches - 1));
            List<Duration> offsets = new ArrayList<>();
            double cursor = 0;
            for (int j = 0; cursor < span; j++) {
                int b = picker == null ? j % blocks : picker.nextInt(blocks);
                int first = cuts[b];
                if (j > 0) {
                    long lead = first > 0 ? trace[first] - trace[first - 1] : meanGap; // the recorded way in
                    cursor += lead / scale;
                }
                double blockStart = cursor;
                for (int i = first; i < cuts[b + 1] && cursor < span; i++) {
                    cursor = blockStart + (trace[i] - trace[first]) / scale;
                    if (cursor < span) {
                        offsets.add(Duration.ofNanos(Math.round(cursor)));
                    }
                }
            }
            if (offsets.isEmpty()) {
                offsets.add(Duration.ZERO);
            }
            return new Arrival.At(offsets, Duration.ZERO);
        }

        /// Whether the trace looks like a Poisson stream: gaps as spread as exponential ones (a coefficient of
        /// variation within 15 % of 1) and a steady rate (counts in windows of 20 mean gaps as dispersed as a
        /// Poisson stream's, within a third). Then a bootstrap replicate draws fresh arrivals at the recorded rate
        /// ([#freshPoisson]) instead of reordering the recorded ones: a recording is one stream, lucky or not, and
        /// blocks of it keep its luck — at a pool of 3, IO-like sleeps at 200/s gave p99s from 67.9 to 88.3 ms
        /// over twelve seeds, and the advice followed whichever stream it was fitted from.
        boolean poissonLike() {
            int n = trace.length;
            if (n < 200) {
                return false;
            }
            double mean = (double) trace[n - 1] / (n - 1);
            double sq = 0;
            for (int i = 1; i < n; i++) {
                double d = trace[i] - trace[i - 1] - mean;
                sq += d * d;
            }
            double cv = Math.sqrt(sq / (n - 2)) / mean;
            if (cv < 0.85 || cv > 1.15) {
                return false;
            }
            double window = 20 * mean;
            int windows = (int) (trace[n - 1] / window);
            if (windows < 20) {
                return false;
            }
            int[] counts = new int[windows];
            for (long t : trace) {
                int w = (int) (t / window);
                if (w < windows) {
                    counts[w]++;
                }
            }
            double m = Arrays.stream(counts).average().orElse(0);
            double v = Arrays.stream(counts).mapToDouble(c -> (c - m) * (c - m)).sum() / (windows - 1);
            double dispersion = v / m;
            return dispersion > 0.75 && dispersion < 4.0 / 3;
        }

        /// A Poisson stream at the recorded rate times `scale` over the recorded span, drawn with this replicate's
        /// seed.
        private Arrival.At freshPoisson(double scale) {
            long span = span();
            double meanGap = (double) span / trace.length / scale;
            var random = new java.util.SplittableRandom(blockSeed);
            List<Duration> offsets = new ArrayList<>();
            double t = 0; // the first arrival at the start, as in the recorded trace
            while (t < span) {
                offsets.add(Duration.ofNanos(Math.round(t)));
                t += -Math.log(1 - random.nextDouble()) * meanGap;
            }
            return new Arrival.At(offsets, Duration.ZERO);
        }

        /// Where the blocks begin (indices into the trace, ascending, the last one its length): about
        /// `trace.length / blocks()` apart, each moved forward to the next batch's first arrival.
        int[] cuts() {
            int blocks = blocks();
            List<Integer> cuts = new ArrayList<>(List.of(0));
            for (int b = 1; b < blocks; b++) {
                int i = (int) ((long) b * trace.length / blocks);
                while (i < trace.length && trace[i] - trace[i - 1] < BATCH_WINDOW_NS) {
                    i++;
                }
                if (i < trace.length && i > cuts.getLast()) {
                    cuts.add(i);
                }
            }
            cuts.add(trace.length);
            return cuts.stream().mapToInt(Integer::intValue).toArray();
        }

        /// The service-time distribution: Kaplan–Meier quantiles, at most [#MAX_VALUES] of them.
        public Distribution service() {
            return service(execNs, finished, MAX_VALUES);
        }

        private static Distribution service(long[] exec, boolean[] done, int maxValues) {
            long[] sample = KaplanMeier.of(exec, done).sample(Math.min(maxValues, exec.length));
            return new Distribution.Empirical(Arrays.stream(sample).mapToObj(WorkloadFit::roundedDuration).toList());
        }

        /// CPU-bound work as the recording ran it: its length by the queue it found as it started
        /// ([#queueLevels()]), since on a machine whose cores are all taken the engine's own threads (timers,
        /// the event writer, arrivals) take their turns from the work while a queue stands, and the work runs
        /// longer then. Drawing every call's length from one distribution would replay the busy stretches with
        /// the quiet ones' lengths and predict too short a tail. Without levels, one distribution.
        public Work.Cpu cpuWork() {
            return cpuWork(MAX_VALUES);
        }

        Work.Cpu cpuWork(int maxValues) {
            int[] levels = queueLevels();
            if (levels.length == 0) {
                return new Work.Cpu(service(execNs, finished, maxValues));
            }
            java.util.NavigableMap<Integer, Distribution> whenQueued = new java.util.TreeMap<>();
            Distribution quiet = null;
            for (int k = -1; k < levels.length; k++) {
                int from = k < 0 ? 0 : levels[k];
                int to = k + 1 < levels.length ? levels[k + 1] : Integer.MAX_VALUE;
                Distribution d = service(select(from, to, execNs), selectFlags(from, to), maxValues);
                if (k < 0) {
                    quiet = d;
                } else {
                    whenQueued.put(from, d);
                }
            }
            return new Work.Cpu(quiet, whenQueued);
        }

        /// Where the queue-length bands of [#cpuWork()] start (ascending, each at least 1): the bands from 0, 1, 2,
        /// 3, 4, 6, 8, 12, 18… up (half as long again each), each widened until it holds [#MIN_BAND] observations, the band from 0 too.
        /// Empty when fewer than two bands would hold that many: the recording cannot tell lengths apart by load.
        int[] queueLevels() {
            int max = 0;
            for (int w : waitingAtStart) {
                max = Math.max(max, w);
            }
            List<Integer> candidates = new ArrayList<>(List.of(1, 2, 3, 4));
            for (int c = 6; c <= max; c = c < 8 ? c + 2 : c + c / 2) {
                candidates.add(c);
            }
            List<Integer> starts = new ArrayList<>();
            int from = 0;
            for (int next : candidates) {
                if (next > max) {
                    break;
                }
                if (count(from, next) >= MIN_BAND && count(next, Integer.MAX_VALUE) >= MIN_BAND) {
                    if (from > 0) {
                        starts.add(from);
                    }
                    from = next;
                }
            }
            if (from > 0) {
                starts.add(from);
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }

        private int count(int from, int to) {
            int n = 0;
            for (int w : waitingAtStart) {
                if (w >= from && w < to) {
                    n++;
                }
            }
            return n;
        }

        private long[] select(int from, int to, long[] values) {
            long[] out = new long[count(from, to)];
            int j = 0;
            for (int i = 0; i < values.length; i++) {
                if (waitingAtStart[i] >= from && waitingAtStart[i] < to) {
                    out[j++] = values[i];
                }
            }
            return out;
        }

        private boolean[] selectFlags(int from, int to) {
            boolean[] out = new boolean[count(from, to)];
            int j = 0;
            for (int i = 0; i < finished.length; i++) {
                if (waitingAtStart[i] >= from && waitingAtStart[i] < to) {
                    out[j++] = finished[i];
                }
            }
            return out;
        }

        /// The arrivals as a renewal process of batches with the recorded gaps and sizes: the compact form, for a
        /// trace too long to write out (and a summary of its shape).
        public Arrival arrival() {
            long[] sorted = gaps.clone();
            Arrays.sort(sorted);
            int n = Math.min(MAX_VALUES, sorted.length);
            List<Duration> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(roundedDuration(sorted[(int) ((i + 0.5) / n * sorted.length)]));
            }
            int[] sortedSizes = sizes.clone();
            Arrays.sort(sortedSizes);
            int m = Math.min(MAX_VALUES, sortedSizes.length);
            List<Integer> sizeList = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                sizeList.add(sortedSizes[(int) ((i + 0.5) / m * sortedSizes.length)]);
            }
            boolean allOnes = sizeList.stream().allMatch(s -> s == 1);
            return new Arrival.Gaps(new Distribution.Empirical(values), allOnes ? List.of(1) : sizeList,
                    Duration.ZERO);
        }

        CallbackFit resample(RandomGenerator random) {
            long[] g = new long[gaps.length];
            int[] s = new int[sizes.length];
            for (int i = 0; i < g.length; i++) {
                int k = random.nextInt(g.length);
                g[i] = gaps[k];
                s[i] = sizes[k]; // a gap and the batch after it stay together
            }
            long[] e = new long[execNs.length];
            int[] w = new int[execNs.length];
            boolean[] f = new boolean[finished.length];
            for (int i = 0; i < e.length; i++) {
                int k = random.nextInt(e.length);
                e[i] = execNs[k];
                w[i] = waitingAtStart[k]; // a run and the load it ran under stay together
                f[i] = finished[k];
            }
            long seed = random.nextLong() | 1; // never 0, which means "in order"
            return new CallbackFit(name, count, trace, seed, g, s, e, w, f, failure, timeout, retry);
        }
    }

    /// Fits the workload of a read log.
    public static WorkloadFit of(Recorded run, CpuVerdict cpu) {
        List<String> notes = new ArrayList<>();
        List<CallbackFit> fits = new ArrayList<>();
        for (Recorded.Callback cb : run.callbacks()) {
            if (cb.execNs().length == 0) {
                notes.add("'" + cb.name() + "' never started (all rejected or cancelled while queued): left out");
                continue;
            }
            fits.add(fit(cb, notes));
        }
        if (fits.isEmpty()) {
            throw new IllegalArgumentException("the log holds no callback that ran: nothing to fit");
        }
        if (run.groups() > 0) {
            notes.add(run.groups() + " race, parallel or hedged groups: their members are replayed as independent "
                    + "callbacks");
        }
        if (!dev.asynclab.lab.audit.AuditHeader.CLOCK_REAL.equals(run.clock())) {
            notes.add("the log was recorded on the simulated clock: the machine's own effects are not in it");
        }
        List<String> poisson = fits.stream().filter(CallbackFit::poissonLike).map(c -> "'" + c.name() + "'")
                .toList();
        notes.add("arrivals are replayed as recorded; the bootstrap draws blocks of the recorded trace (cut between "
                + "batches) in a new order, so a burst keeps its shape but a rate that drifted over the recording "
                + "is mixed" + (poisson.isEmpty() ? "" : "; the arrivals of " + String.join(", ", poisson)
                + " look like a Poisson stream, so the bootstrap draws fresh ones at the recorded rate"));
        return new WorkloadFit(run.scenario(), run.poolSize(), run.queueCap(), fits, cpu, notes);
    }

    private static CallbackFit fit(Recorded.Callback cb, List<String> notes) {
        long[] arrivals = cb.arrivals();
        List<Long> gaps = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        long batchStart = 0; // the first batch's gap is from the start of the run
        int i = 0;
        while (i < arrivals.length) {
            long t = arrivals[i];
            int size = 0;
            while (i < arrivals.length && arrivals[i] - t < BATCH_WINDOW_NS) {
                size++;
                i++;
            }
            gaps.add(Math.max(0, t - batchStart));
            sizes.add(size);
            batchStart = t;
        }
        if (gaps.size() > 1) {
            gaps.removeFirst(); // the wait before the first arrival says nothing about the traffic
            sizes.removeFirst();
        }
        Failure failure = Failure.NONE;
        if (cb.failed() > 0) {
            var common = cb.errors().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            String[] typeAndMessage = common.getKey().split("\u0000", 2);
            failure = new Failure((double) cb.failed() / cb.completed(), typeAndMessage[0],
                    typeAndMessage[1].isEmpty() ? "injected failure" : typeAndMessage[1], 0, false);
            if (cb.errors().size() > 1) {
                notes.add("'" + cb.name() + "' failed with " + cb.errors().size() + " kinds of error: replayed as "
                        + typeAndMessage[0] + " alone");
            }
        }
        if (cb.cancelled() > 0) {
            notes.add("'" + cb.name() + "': " + cb.cancelled() + " attempts were cancelled while running: their "
                    + "runs count as cut short, the cancels themselves are not replayed");
        }
        RetryPolicy retry = retry(cb);
        long[] trace = new long[arrivals.length];
        for (int k = 0; k < trace.length; k++) {
            trace[k] = arrivals[k] - arrivals[0];
        }
        return new CallbackFit(cb.name(), arrivals.length, trace, 0, gaps.stream().mapToLong(Long::longValue).toArray(),
                sizes.stream().mapToInt(Integer::intValue).toArray(), cb.execNs(), cb.waitingAtStart(), cb.finished(),
                failure, Duration.ofNanos(cb.timeoutNs()), retry);
    }

    private static RetryPolicy retry(Recorded.Callback cb) {
        if (cb.maxAttempts() <= 1) {
            return RetryPolicies.NONE;
        }
        long[] first = cb.retryDelays().getOrDefault(1, List.of()).stream().mapToLong(Long::longValue).sorted()
                .toArray();
        long[] second = cb.retryDelays().getOrDefault(2, List.of()).stream().mapToLong(Long::longValue).sorted()
                .toArray();
        if (first.length == 0) {
            return RetryPolicy.builder().maxAttempts(cb.maxAttempts()).delay(Duration.ZERO)
                    .retryTimeouts(cb.retriedTimeouts()).build();
        }
        long median = first[first.length / 2];
        double backoff = second.length == 0 || median == 0 ? 1.0
                : Math.max(1.0, Math.round(10.0 * second[second.length / 2] / median) / 10.0);
        // The delays spread evenly over ±jitter around the base: half the range over the midpoint.
        double mid = (first[0] + first[first.length - 1]) / 2.0;
        double jitter = first.length < 5 || mid == 0 ? 0
                : Math.min(1, Math.round(100 * (first[first.length - 1] - first[0]) / (2 * mid)) / 100.0);
        return RetryPolicy.builder().maxAttempts(cb.maxAttempts()).delay(roundedDuration(Math.round(mid)))
                .backoff(backoff, Duration.ZERO).jitter(jitter).retryTimeouts(cb.retriedTimeouts()).build();
    }

    /// A replicate for the bootstrap: every callback's observations drawn again, with replacement.
    public WorkloadFit resample(RandomGenerator random) {
        return new WorkloadFit(name, poolSize, queueCap, callbacks.stream().map(c -> c.resample(random)).toList(),
                cpu, notes);
    }

    /// The fitted workload as a scenario on the simulated clock, at `rateScale` times the recorded traffic for
    /// as long as the recording lasted, on the recorded pool (resize it with `withPoolSize`).
    public Scenario scenario(double rateScale) {
        return scenario(rateScale, MAX_VALUES);
    }

    /// The same with service times of up to `maxValues` quantiles: [#REPLAY_VALUES] for the advice's replays.
    Scenario scenario(double rateScale, int maxValues) {
        List<dev.asynclab.lab.scenario.Step> steps = new ArrayList<>();
        for (CallbackFit c : callbacks) {
            Work work = cpu.cpuBound() ? c.cpuWork(maxValues)
                    : new Work.Sleep(CallbackFit.service(c.execNs(), c.finished(), maxValues));
            Arrival arrival;
            int count;
            if (c.count() <= MAX_TRACE) {
                Arrival.At at = c.replay(rateScale);
                arrival = at;
                count = at.offsets().size();
            } else {
                arrival = c.arrival().faster(rateScale);
                count = (int) Math.max(1, Math.round(c.count() * rateScale));
            }
            steps.add(new CallbackSpec(c.name(), count, arrival, work, c.failure(), c.timeout(), c.retry(),
                    Optional.empty(), Position.UNKNOWN));
        }
        PoolSpec pool = new PoolSpec(Math.max(1, poolSize), queueCap, ThreadMode.VIRTUAL);
        String description = "Fitted by asynclab advise from the audit log of '" + name + "'"
                + (rateScale == 1.0 ? "" : ", at " + rateScale + " times its arrival rate") + ".";
        return new Scenario(name + " (fitted)", description, 1, ClockMode.SIMULATED, 1.0, Optional.of(pool),
                new Defaults(Duration.ZERO, RetryPolicies.NONE), steps, Optional.empty(), Expectation.NONE,
                Tour.NONE, Optional.empty());
    }

    static Duration roundedDuration(long nanos) {
        // Microseconds are finer than any clock the log came from; whole ones keep the written file short.
        return Duration.ofNanos(Math.max(0, Math.round(nanos / 1000.0) * 1000));
    }
}
