package dev.asynclab.lab.scenario;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/// The safety pass over a file's YAML events, before any node is composed: it stops at the first explicit
/// tag, at nesting deeper than `MAX_DEPTH` and at more than `MAX_ALIASES` aliases, each with its place.
/// Parsing is an iterative state machine, so a hostile file cannot exhaust the stack here; composing (which
/// recurses) only happens once this pass has passed.
final class YamlGuard {

    static final int MAX_DEPTH = 32;
    static final int MAX_ALIASES = 50;

    private static final String STANDARD_PREFIX = "tag:yaml.org,2002:";

    private YamlGuard() {
    }

    /// True when the text may be composed; otherwise the reasons are in `problems`. Syntax errors propagate
    /// as SnakeYAML exceptions for the loader to place.
    static boolean check(String text, LoadSettings settings, Problems problems) {
        int before = problems.size();
        int depth = 0;
        int aliases = 0;
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        while (parser.hasNext()) {
            Event event = parser.next();
            switch (event) {
                case ScalarEvent scalar when scalar.getTag().isPresent() ->
                        problems.add(event.getStartMark(), tagMessage(scalar.getTag().get()));
                case CollectionStartEvent start -> {
                    start.getTag().ifPresent(tag -> problems.add(event.getStartMark(), tagMessage(tag)));
                    if (++depth > MAX_DEPTH) {
                        problems.add(event.getStartMark(), "nesting deeper than " + MAX_DEPTH
                                + " levels; expected a scenario, which needs far fewer");
                        return false;
                    }
                }
                case CollectionEndEvent end -> depth--;
                case AliasEvent alias -> {
                    if (++aliases > MAX_ALIASES) {
                        problems.add(event.getStartMark(), "more than " + MAX_ALIASES
                                + " aliases (*name); expected at most that many, so a small file cannot expand "
                                + "into a huge one");
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return problems.size() == before;
    }

    private static String tagMessage(String tag) {
        String shown = tag.startsWith(STANDARD_PREFIX) ? "!!" + tag.substring(STANDARD_PREFIX.length()) : tag;
        return "explicit tag '" + shown + "' is not allowed; expected plain values (scenario files never "
                + "create objects)";
    }
}
