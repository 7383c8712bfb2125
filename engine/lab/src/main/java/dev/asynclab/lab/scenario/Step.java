package dev.asynclab.lab.scenario;

import java.time.Duration;

/// One entry of a scenario's `callbacks:` list, or a member of a group: a callback or a group of them.
///
/// ```java
/// switch (step) {
///     case CallbackSpec cb -> submit(cb);
///     case GroupSpec group -> runGroup(group);
/// }
/// ```
public sealed interface Step permits CallbackSpec, GroupSpec {

    String name();

    /// How many times it is submitted (always 1 for a group member).
    int count();

    /// When the `count` submissions happen (`Arrival.IMMEDIATE` for a group member).
    Arrival arrival();

    /// The time limit of one invocation (a group's overall limit); zero means none.
    Duration timeout();

    /// Where the file declared it.
    Position position();
}
