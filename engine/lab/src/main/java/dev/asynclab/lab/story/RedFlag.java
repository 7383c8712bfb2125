package dev.asynclab.lab.story;

import java.util.List;

/// A lint said as a red flag: ranked, in a plain sentence, with the invocations that show it.
///
/// @param rank     1 for the most serious
/// @param code     the lint's stable code, e.g. `timeout-below-p99`
/// @param subject  the callback or group it is about
/// @param sentence what is wrong and why, e.g. `slow-service: 12 of 20 attempts timed out (60%): ...`
/// @param ids      invocations whose stories explain it (each `asynclab explain LOG --id N`), most telling first
public record RedFlag(int rank, String code, String subject, String sentence, List<Long> ids) {

    public RedFlag {
        ids = List.copyOf(ids);
    }

    /// `#2, #3, #5 and 9 more`, or empty when no invocation shows it.
    public String idList(int shown) {
        if (ids.isEmpty()) {
            return "";
        }
        var head = ids.stream().limit(shown).map(id -> "#" + id).toList();
        String list = String.join(", ", head);
        return ids.size() > shown ? list + " and " + (ids.size() - shown) + " more" : list;
    }
}
