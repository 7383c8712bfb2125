package dev.asynclab.app.ui.timeline;

/// What the timeline writes where room is short, as Perfetto writes its slices: a bar carries its callback's
/// name and, from the second attempt on, the attempt (`fetch-user #2`), whole when it fits, else cut with an
/// ellipsis (keeping the attempt while it can), else nothing. A label never runs past the room it is given.
///
/// ```java
/// Labels.bar("fetch-user", 2);                     // "fetch-user #2"
/// Labels.fitBar("fetch-user", 2, 60, measure);     // "fetc… #2" where 60 px holds no more
/// ```
final class Labels {

    static final String ELLIPSIS = "…";
    /// A cut label keeps at least this many characters; fewer say nothing.
    static final int MIN_CHARS = 2;

    private Labels() {
    }

    /// The text of an attempt's bar: its callback's name, with `#n` from the second attempt on; "" when the
    /// call has no name.
    static String bar(String name, int attempt) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return attempt > 1 ? name + suffix(attempt) : name;
    }

    private static String suffix(int attempt) {
        return " #" + attempt;
    }

    /// A bar's label in `room` pixels: whole; else the name cut and the attempt kept (`fetc… #2`); else the
    /// whole label cut (`fe…`); else "".
    static String fitBar(String name, int attempt, double room, TextWidth width) {
        String whole = bar(name, attempt);
        if (whole.isEmpty() || room <= 0) {
            return "";
        }
        if (width.of(whole) <= room) {
            return whole;
        }
        if (attempt > 1) {
            String suffix = suffix(attempt);
            String cut = cut(name, room - width.of(suffix), width);
            if (!cut.isEmpty()) {
                return cut + suffix;
            }
        }
        return fit(whole, room, width);
    }

    /// `text` in `room` pixels: whole, or cut with an ellipsis, or "" when not even `MIN_CHARS` fit.
    static String fit(String text, double room, TextWidth width) {
        if (text == null || text.isEmpty() || room <= 0) {
            return "";
        }
        return width.of(text) <= room ? text : cut(text, room, width);
    }

    /// The longest start of `text` that fits in `room` with an ellipsis after it, "" when shorter than
    /// `MIN_CHARS` (widths grow with length, so a binary search finds it).
    private static String cut(String text, double room, TextWidth width) {
        int lo = MIN_CHARS - 1;      // fits (or the answer is none)
        int hi = text.length();      // does not fit cut (text.length() would be no cut at all)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (width.of(text.substring(0, mid) + ELLIPSIS) <= room) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (lo < MIN_CHARS) {
            return "";
        }
        // Never leave a space or a half surrogate pair before the ellipsis.
        String start = text.substring(0, lo).stripTrailing();
        if (!start.isEmpty() && Character.isHighSurrogate(start.charAt(start.length() - 1))) {
            start = start.substring(0, start.length() - 1);
        }
        return start.length() < MIN_CHARS ? "" : start + ELLIPSIS;
    }
}
