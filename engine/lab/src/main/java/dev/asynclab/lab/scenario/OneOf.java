package dev.asynclab.lab.scenario;

import java.util.List;
import java.util.Optional;

/// For mappings that must hold exactly one of several alternative keys (`sleep` or `cpu` or `js`...).
final class OneOf {

    private OneOf() {
    }

    /// The one alternative present; reports none or several at the mapping.
    static Optional<String> pick(MapNode map, List<String> alternatives, String what) {
        List<String> present = alternatives.stream().filter(map::has).toList();
        if (present.size() == 1) {
            return Optional.of(present.getFirst());
        }
        String found = present.isEmpty() ? "none" : String.join(" and ", present);
        map.problems().add(map.node(), "expected exactly one of " + String.join(", ", alternatives) + " in "
                + map.where() + " (" + what + "), found " + found);
        return Optional.empty();
    }
}
