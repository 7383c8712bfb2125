package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.util.function.Consumer;

/// Something that hands over events one by one: a list, or a reader streaming a file (`reader::forEach`).
@FunctionalInterface
interface EventSource {

    void forEach(Consumer<? super Event> consumer);
}
