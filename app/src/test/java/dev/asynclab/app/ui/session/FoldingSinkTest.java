package dev.asynclab.app.ui.session;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoldingSinkTest {

    @Test
    void eachEventIsFoldedBeforeItIsPassedOnAndTheCloseComesAfterTheLast() {
        RunFold fold = new RunFold(null);
        List<String> seen = new ArrayList<>();
        EventSink next = new EventSink() {
            @Override
            public void onEvent(Event event) {
                // the fold has this event already when the feed gets it
                seen.add(event.type() + "@" + fold.result().summary().eventCount());
            }

            @Override
            public void onBatchEnd() {
                seen.add("batch end");
            }

            @Override
            public void onClose() {
                seen.add("close");
            }
        };
        var sink = new FoldingSink(fold, next);
        sink.onEvent(Event.of(EventType.SUBMITTED, 1, 1, 0, "fetch"));
        sink.onEvent(Event.of(EventType.STARTED, 1, 1, 0, "fetch"));
        sink.onBatchEnd();
        sink.onEvent(Event.of(EventType.SUCCEEDED, 1, 1, 0, "fetch"));
        sink.onClose();

        assertThat(seen).containsExactly("SUBMITTED@1", "STARTED@2", "batch end", "SUCCEEDED@3", "close");
        assertThat(fold.result().summary().eventCount()).isEqualTo(3);
    }
}
