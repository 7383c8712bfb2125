package dev.asynclab.lab.scenario;

import java.time.Duration;
import java.util.List;

/// A race, a parallel group or a hedged race of members, which may themselves be groups. `timeout` is the
/// overall limit of one run of the group (zero: none); `hedgeDelay` is zero except for `HEDGE`.
///
/// ```yaml
/// - race:
///     name: data-fetch
///     timeout: 300ms
///     members:
///       - { name: server-1, work: { sleep: 200ms } }
///       - { name: cache, work: { sleep: 10ms } }
/// ```
public record GroupSpec(GroupKind kind, String name, int count, Arrival arrival, Duration timeout,
                        Duration hedgeDelay, List<Step> members, Position position) implements Step {

    public GroupSpec {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one member");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
    }
}
