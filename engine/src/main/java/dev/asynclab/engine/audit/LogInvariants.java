package dev.asynclab.engine.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/// Checks a log line by line: the hash chain, gap-free `seq`, non-decreasing `t`, one terminal event per
/// invocation and LATE_FINISH only after it. Incremental, so a whole file and a followed file check alike.
/// The first failure is kept and everything after it is ignored (the log is no longer trustworthy there).
final class LogInvariants {

    static final String HASH_MISMATCH = "hash mismatch (edited, removed or reordered)";

    private final LongLongMap terminalLine = new LongLongMap();
    /// Invocations seen but not yet ended, in the order they opened, with the line that opened them.
    private final Map<Long, Long> open = new LinkedHashMap<>();
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
                if (terminalLine.get(id) == LongLongMap.MISSING) {
                    open.putIfAbsent(id, line);
                }
            }
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED -> {
                long first = terminalLine.get(id);
                if (first != LongLongMap.MISSING) {
                    return fail(line, "a second terminal event (" + e.type() + ") for id " + id
                            + "; its first was at line " + first);
                }
                terminalLine.put(id, line);
                open.remove(id);
            }
            case LATE_FINISH -> {
                if (terminalLine.get(id) == LongLongMap.MISSING) {
                    return fail(line, "LATE_FINISH for id " + id + " before any terminal event of that id");
                }
            }
            case RUN_FINISHED -> {
                finished = true;
                if (!open.isEmpty()) {
                    var first = open.entrySet().iterator().next();
                    return fail(line, "the run finished but id " + first.getKey() + " (opened at line "
                            + first.getValue() + ") has no terminal event" + (open.size() > 1
                            ? " (nor have " + (open.size() - 1) + " more)" : ""));
                }
            }
            default -> {
                // group, pool, retry and log events carry no lifecycle of their own
            }
        }
        return true;
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
