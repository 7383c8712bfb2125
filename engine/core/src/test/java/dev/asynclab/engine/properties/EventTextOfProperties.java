package dev.asynclab.engine.properties;

import dev.asynclab.engine.event.Event;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/// `Event.textOf` of an `Integer` reads as `String.valueOf` whether its text comes from the table of small values'
/// texts or is made afresh.
class EventTextOfProperties {

    @Property
    void anIntegersTextIsItsDecimalText(@ForAll int value) {
        assertThat(Event.textOf(value)).isEqualTo(String.valueOf(value));
    }

    @Property
    void aSmallIntegersTextIsTheSameOneEachTime(@ForAll @IntRange(min = -128, max = 1023) int value) {
        assertThat(Event.textOf(value)).isEqualTo(String.valueOf(value)).isSameAs(Event.textOf(value));
    }

    @Example
    void theTableEndsWhereItsBoundsSay() {
        assertThat(Event.textOf(-129)).isEqualTo("-129");
        assertThat(Event.textOf(-128)).isEqualTo("-128").isSameAs(Event.textOf(-128));
        assertThat(Event.textOf(1023)).isEqualTo("1023").isSameAs(Event.textOf(1023));
        assertThat(Event.textOf(1024)).isEqualTo("1024").isNotSameAs(Event.textOf(1024));
    }
}
