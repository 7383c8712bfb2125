package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

/// Logs written before `RUN_STARTED` and `GROUP_STARTED` had typed fields said the same in `value`:
/// `simulated seed=42 pool=4` for a run, `race` or `race in 12` for a group. Reading such a line fills the
/// typed fields from that text, here and nowhere else, so everything downstream reads the typed fields only.
/// The value itself is kept as the file has it (the hash chain covers it, and a merge writes it back).
final class LegacyStartValue {

    private LegacyStartValue() {
    }

    /// `e` with its run or group fields filled from its `value` when it is an older start event; otherwise `e`.
    static Event typed(Event e) {
        return switch (e.type()) {
            case RUN_STARTED -> run(e);
            case GROUP_STARTED -> group(e);
            default -> e;
        };
    }

    private static Event run(Event e) {
        String[] parts = e.value().split(" ");
        String clock = null;
        long seed = 0;
        int pool = -1;
        for (String part : parts) {
            if (part.startsWith("seed=")) {
                seed = number(part.substring(5), 0);
            } else if (part.startsWith("pool=")) {
                pool = (int) number(part.substring(5), -1);
            } else if (clock == null && !part.isEmpty() && part.indexOf('=') < 0) {
                clock = part;
            }
        }
        return with(e, clock, 0, seed, pool);
    }

    private static Event group(Event e) {
        String[] parts = e.value().split(" in ", 2);
        long parent = parts.length == 2 ? number(parts[1], 0) : 0;
        return with(e, parts[0], parent, 0, -1);
    }

    /// A foreign program's free text is not an error here: what does not parse stays absent.
    private static long number(String text, long absent) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return absent;
        }
    }

    private static Event with(Event e, String kind, long parentGroup, long seed, int poolSize) {
        return new Event(e.seq(), e.t(), e.type(), e.id(), e.attempt(), e.group(), e.name(), e.worker(), e.duration(),
                e.errorType(), e.errorMessage(), e.value(), e.queueDepth(), kind, parentGroup, seed, poolSize);
    }
}
