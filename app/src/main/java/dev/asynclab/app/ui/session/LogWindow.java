package dev.asynclab.app.ui.session;

import dev.asynclab.lab.audit.LogIndex;

import java.util.Locale;

/// A window of a log too large for the heap: `span` consecutive blocks of its [LogIndex] from `firstBlock`, as
/// many events as the heap holds (whole blocks), which is what the session shows of such a log at a time. Moving
/// it to a time of the run picks the block holding that time; a window never runs past the log's end, so the
/// last one is as full as the others. A move keeps the span; the window is sized again ([#holding]) from the heap
/// free when it is read.
///
/// ```java
/// LogWindow w = LogWindow.first(index, LogLoader.fittingEvents(HeapRoom.free()));
/// LogWindow later = w.at(60_000_000_000L);   // the window from the block holding the run's 60th second
/// ```
///
/// @param index      the log's index
/// @param firstBlock the window's first block
/// @param span       how many blocks a window holds (at least 1)
public record LogWindow(LogIndex index, int firstBlock, int span) {

    public LogWindow {
        if (span < 1) {
            throw new IllegalArgumentException("a window holds at least one block, not " + span);
        }
        firstBlock = Math.max(0, Math.min(firstBlock, Math.max(0, index.blocks().size() - span)));
    }

    /// The first window of `index` holding at most `fitting` events (but at least one block).
    public static LogWindow first(LogIndex index, long fitting) {
        return new LogWindow(index, 0, span(index, fitting));
    }

    /// This window from the same first block (or an earlier one, when a larger window would run past the log's
    /// end), holding at most `fitting` events (but at least one block).
    public LogWindow holding(long fitting) {
        return new LogWindow(index, firstBlock, span(index, fitting));
    }

    private static int span(LogIndex index, long fitting) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, fitting / index.blockEvents()));
    }

    /// True when one window holds the whole log.
    public boolean whole() {
        return span >= index.blocks().size();
    }

    /// The window that starts with the block holding time `t` (or ends with the log's last block).
    public LogWindow at(long t) {
        return new LogWindow(index, index.blockAt(t), span);
    }

    /// The window after this one (overlapping it when the log's end is nearer than a window), or this one at the end.
    public LogWindow next() {
        return new LogWindow(index, firstBlock + span, span);
    }

    public LogWindow previous() {
        return new LogWindow(index, firstBlock - span, span);
    }

    /// The window's first event's index in the whole log, and how many events it holds.
    public long fromEvent() {
        return index.firstEvent(firstBlock);
    }

    public long events() {
        long n = 0;
        for (int b = firstBlock; b < Math.min(index.blocks().size(), firstBlock + span); b++) {
            n += index.blocks().get(b).events();
        }
        return n;
    }

    /// The window's first and last event times, on the log's clock.
    public long startTime() {
        return index.blocks().isEmpty() ? 0 : index.blocks().get(firstBlock).firstT();
    }

    public long endTime() {
        return index.blocks().isEmpty() ? 0
                : index.blocks().get(Math.min(index.blocks().size(), firstBlock + span) - 1).lastT();
    }

    /// Says which events of how many, and when in the run: "events 10,747,904–21,495,807 of 100,000,002 · 1m 4s
    /// – 2m 9s of 10m 1s".
    public String describe() {
        long from = fromEvent();
        return String.format(Locale.ROOT, "events %,d–%,d of %,d · %s – %s of %s", from, from + events() - 1,
                index.events(), seconds(startTime()), seconds(endTime()), seconds(index.lastTime()));
    }

    /// Says where the window starts, not how far it reaches (it is sized when it is read): "events from
    /// 10,747,904 of 100,000,002 · from 1m 4s of 10m 1s".
    public String describeStart() {
        return String.format(Locale.ROOT, "events from %,d of %,d · from %s of %s", fromEvent(), index.events(),
                seconds(startTime()), seconds(index.lastTime()));
    }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long whole = (long) s;
        return whole < 3600 ? String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60)
                : String.format(Locale.ROOT, "%dh %02dm %02ds", whole / 3600, whole / 60 % 60, whole % 60);
    }
}
