package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.EnumMap;

/// Checks a log line by line: the hash chain, gap-free `seq`, non-decreasing `t`, one terminal event per
/// invocation and LATE_FINISH only after it. Incremental, so a whole file and a followed file check alike.
/// The first failure is kept and everything after it is ignored (the log is no longer trustworthy there).
final class LogInvariants {

    static final String HASH_MISMATCH = "hash mismatch (edited, removed or reordered)";

    private final LongLongMap terminalLine = new LongLongMap();
    /// The line where each invocation was first seen (submitted, queued or started).
    private final LongLongMap openedLine = new LongLongMap();
    /// How many opened invocations have no terminal event yet.
    private long open;
    private final EnumMap<EventType, Long> counts = new EnumMap<>(EventType.class);
    private long previousHash;
    private long nextSeq = -1;
    private long lastT = Long.MIN_VALUE;
    private long events;
    private boolean finished;
    private long badLine;
    private String reason = "";

    LogInvariants(long headerHash, long headerDeclaredHash) {
        previousHash = headerHash;
        if (headerHash != headerDeclaredHash) {
            fail(1, HASH_MISMATCH);
        }
    }

    boolean failed() {
        return badLine != 0;
    }

    /// Checks one record; false once the log has failed.
    boolean check(Event e, long line, byte[] buf, int start, int hashedEnd, long declaredHash) {
        if (failed()) {
            return false;
        }
        long h = ChainHash.hash(previousHash, buf, start, hashedEnd - start);
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
        counts.merge(e.type(), 1L, Long::sum);
        return checkLifecycle(e, line);
    }

    private boolean checkLifecycle(Event e, long line) {
        long id = e.id();
        switch (e.type()) {
            case SUBMITTED, QUEUED, STARTED -> {
                if (openedLine.get(id) == LongLongMap.MISSING && terminalLine.get(id) == LongLongMap.MISSING) {
                    openedLine.put(id, line);
                    open++;
                }
            }
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED -> {
                long first = terminalLine.get(id);
                if (first != LongLongMap.MISSING) {
                    return fail(line, "a second terminal event (" + e.type() + ") for id " + id
                            + "; its first was at line " + first);
                }
                terminalLine.put(id, line);
                if (openedLine.get(id) != LongLongMap.MISSING) {
                    open--;
                }
            }
            case LATE_FINISH -> {
                if (terminalLine.get(id) == LongLongMap.MISSING) {
                    return fail(line, "LATE_FINISH for id " + id + " before any terminal event of that id");
                }
            }
            case RUN_FINISHED -> {
                finished = true;
                if (open > 0) {
                    long[] first = firstUnended();
                    return fail(line, "the run finished but id " + first[0] + " (opened at line " + first[1]
                            + ") has no terminal event" + (open > 1 ? " (nor have " + (open - 1) + " more)" : ""));
                }
            }
            default -> {
                // group, pool, retry and log events carry no lifecycle of their own
            }
        }
        return true;
    }

    /// The id and opening line of the earliest-opened invocation without a terminal event.
    private long[] firstUnended() {
        long[] first = {0, Long.MAX_VALUE};
        openedLine.forEach((id, opened) -> {
            if (opened < first[1] && terminalLine.get(id) == LongLongMap.MISSING) {
                first[0] = id;
                first[1] = opened;
            }
            return 0;
        });
        return first;
    }

    boolean fail(long line, String why) {
        if (badLine == 0) {
            badLine = line;
            reason = "line " + line + ": " + why;
        }
        return false;
    }

    VerificationReport report(java.util.Optional<Truncation> truncation, long lines) {
        return new VerificationReport(!failed(), badLine, reason, truncation, lines, events, terminalLine.size(),
                finished, counts);
    }
}
