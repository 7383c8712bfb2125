package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.util.function.Consumer;

/// Something that hands over events one by one: a list (`list::forEach`), or a reader streaming a file
/// (`reader::forEach`), so that a consumer such as an exporter works on either without holding a whole log.
///
/// ```java
/// EventSource events = List.of(event)::forEach;
/// ```
@FunctionalInterface
public interface EventSource {

    /// Hands every event to `consumer`, in `seq` order.
    void forEach(Consumer<? super Event> consumer);
}
