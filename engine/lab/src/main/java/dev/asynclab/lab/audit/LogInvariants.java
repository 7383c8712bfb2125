package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.lifecycle.Lifecycle;

import java.util.Arrays;
import java.util.EnumMap;

/// Checks a log line by line: the hash chain, gap-free `seq`, non-decreasing `t`, one terminal event per
/// invocation and LATE_FINISH only after it. Incremental, so a whole file and a followed file check alike.
/// The first failure is kept and everything after it is ignored (the log is no longer trustworthy there).
final class LogInvariants implements Lifecycle.Listener {

    static final String HASH_MISMATCH = "hash mismatch (edited, removed or reordered)";

    /// Retaining, so that a second terminal event of an id is seen as such.
    private final Lifecycle lifecycle = Lifecycle.retainingPhases(this);
    /// By slot: the line where each invocation was first seen, and the line of its terminal event.
    private final Lines openedLine = new Lines();
    private final Lines terminalLine = new Lines();
    /// The line being checked, for the lifecycle's callbacks.
    private long currentLine;
    /// Events per type, by ordinal: a counter per event, without boxing one (a map's merge made a `Long` each time).
    private final long[] counts = new long[EventType.values().length];
    private long previousHash;
    private long nextSeq = -1;
    private long lastT = Long.MIN_VALUE;
    private long events;
    private boolean finished;
    private long badLine;
    private String reason = "";
    /// False for a check of part of a log (a window, or the index pass): what one terminal event per invocation
    /// needs is every invocation since the start, which is neither in a window nor in constant memory.
    private final boolean lifecycleChecked;

    LogInvariants(long headerHash, long headerDeclaredHash) {
        previousHash = headerHash;
        lifecycleChecked = true;
        if (headerHash != headerDeclaredHash) {
            fail(1, HASH_MISMATCH);
        }
    }

    private LogInvariants(long seed, long firstSeq, long previousT) {
        previousHash = seed;
        nextSeq = firstSeq;
        lastT = previousT;
        lifecycleChecked = false;
    }

    /// Checks the chain, `seq` and `t` only, from a line whose seed (the line before's hash) is `seed`, whose
    /// `seq` must be `firstSeq` (-1: any) and whose `t` may not be before `previousT`.
    static LogInvariants chainFrom(long seed, long firstSeq, long previousT) {
        return new LogInvariants(seed, firstSeq, previousT);
    }

    /// The hash the chain has reached: the seed of the next line.
    long chainState() {
        return previousHash;
    }

    /// Continues the chain from `declared`, the hash the last line declared, rather than from the one computed:
    /// after an edited line, the next lines still check against what their writer chained them to.
    void resync(long declared) {
        previousHash = declared;
    }

    boolean failed() {
        return badLine != 0;
    }

    /// Checks one record; false once the log has failed.
    boolean check(Event e, long line, byte[] buf, int start, int hashedEnd, long declaredHash) {
        if (failed()) {
            return false;
        }
        return checkHashed(e, line, ChainHash.hash(previousHash, buf, start, hashedEnd - start), declaredHash);
    }

    /// Checks one record whose hash `h` another thread has computed, from the hash the line before declared
    /// ([ParallelLogReader]): until the first failure that is the chain's state ([#chainState()]), so the link is
    /// the one [#check] checks; after it, nothing is checked. False once the log has failed.
    boolean checkHashed(Event e, long line, long h, long declaredHash) {
        if (failed()) {
            return false;
        }
        previousHash = h;
        if (h != declaredHash) {
            return fail(line, HASH_MISMATCH);
        }
        if (nextSeq >= 0 && e.seq() != nextSeq) {
            return fail(line, "seq " + e.seq() + " where " + nextSeq + " was expected (seq must have no gaps)");
        }
        nextSeq = e.seq() + 1;
        if (e.t() < lastT) {
            return fail(line, "t " + e.t() + " is before the previous event's " + lastT + " (t never decreases)");
        }
        lastT = e.t();
        events++;
        counts[e.type().ordinal()]++;
        return !lifecycleChecked || checkLifecycle(e, line);
    }

    private boolean checkLifecycle(Event e, long line) {
        currentLine = line;
        lifecycle.accept(e);
        if (e.type() == EventType.RUN_FINISHED) {
            finished = true;
            if (lifecycle.openCount() > 0) {
                int[] first = {-1};
                lifecycle.forEachOpen(slot -> {
                    if (first[0] < 0) {
                        first[0] = slot; // a retaining fold's lowest open slot is the earliest opened
                    }
                });
                int open = lifecycle.openCount();
                return fail(line, "the run finished but id " + lifecycle.id(first[0]) + " (opened at line "
                        + openedLine.get(first[0]) + ") has no terminal event"
                        + (open > 1 ? " (nor have " + (open - 1) + " more)" : ""));
            }
        }
        return !failed();
    }

    @Override
    public void opened(Lifecycle l, int slot, Event e) {
        openedLine.set(slot, currentLine);
    }

    @Override
    public void ended(Lifecycle l, int slot, Event e) {
        terminalLine.set(slot, currentLine);
    }

    @Override
    public void endedAgain(Lifecycle l, int slot, Event e) {
        fail(currentLine, "a second terminal event (" + e.type() + ") for id " + e.id() + "; its first was at line "
                + terminalLine.get(slot));
    }

    @Override
    public void lateFinished(Lifecycle l, int slot, Event e) {
        if (slot < 0 || l.phase(slot) != Lifecycle.Phase.ENDED) {
            fail(currentLine, "LATE_FINISH for id " + e.id() + " before any terminal event of that id");
        }
    }

    boolean fail(long line, String why) {
        if (badLine == 0) {
            badLine = line;
            reason = "line " + line + ": " + why;
        }
        return false;
    }

    private EnumMap<EventType, Long> countsByType() {
        var byType = new EnumMap<EventType, Long>(EventType.class);
        for (EventType type : EventType.values()) {
            if (counts[type.ordinal()] > 0) {
                byType.put(type, counts[type.ordinal()]);
            }
        }
        return byType;
    }

    VerificationReport report(java.util.Optional<Truncation> truncation, long lines) {
        return new VerificationReport(!failed(), badLine, reason, truncation, lines, events, lifecycle.endedCount(),
                finished, countsByType());
    }

    /// A line number per slot, in chunks of 16K: a log of millions of invocations grew one array by doubling, each
    /// copy a humongous object for G1 past 64K slots (124 MB of them over four opens of a 2 M-event log, JFR), each
    /// starting a concurrent cycle; chunks never copy and stay small.
    private static final class Lines {
        private static final int SHIFT = 14;
        private long[][] chunks = new long[16][];

        void set(int slot, long line) {
            int c = slot >>> SHIFT;
            if (c >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
            }
            if (chunks[c] == null) {
                chunks[c] = new long[1 << SHIFT];
            }
            chunks[c][slot & ((1 << SHIFT) - 1)] = line;
        }

        long get(int slot) {
            long[] chunk = slot >>> SHIFT < chunks.length ? chunks[slot >>> SHIFT] : null;
            return chunk == null ? 0 : chunk[slot & ((1 << SHIFT) - 1)];
        }
    }
}
