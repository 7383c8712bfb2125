package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class LiveCallsTest {

    @Test
    void aSnapshotHoldsTheCallsAddedAndNotRemovedWhateverTheOrder() {
        for (LiveCalls live : List.of(LiveCalls.forSimulation(), LiveCalls.concurrent())) {
            List<CompletableFuture<?>> calls = new ArrayList<>();
            List<Integer> handles = new ArrayList<>();
            for (int i = 0; i < 200; i++) { // past the first array's 64 slots
                var f = new CompletableFuture<Integer>();
                calls.add(f);
                handles.add(live.add(f));
            }
            for (int i = 0; i < 200; i += 3) {
                live.remove(handles.get(i), calls.get(i));
            }
            List<CompletableFuture<?>> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                if (i % 3 != 0) {
                    expected.add(calls.get(i));
                }
            }
            assertThat(live.snapshot()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(live.size()).isEqualTo(expected.size());
        }
    }

    @Test
    void aFreedSlotIsReusedWithoutLosingTheCallsAround() {
        LiveCalls live = LiveCalls.forSimulation();
        var a = new CompletableFuture<String>();
        var b = new CompletableFuture<String>();
        var c = new CompletableFuture<String>();
        int ha = live.add(a);
        live.add(b);
        live.remove(ha, a);
        int hc = live.add(c);
        assertThat(hc).isEqualTo(ha);
        live.remove(ha, a); // a's handle now belongs to c: removing a again must leave c alone
        assertThat(live.snapshot()).containsExactlyInAnyOrder(b, c);
    }

    @Test
    void cancelAllOnTheSimulatedClockCancelsEveryCallRunningWithoutAPool() throws Exception {
        Scenario s = ScenarioLoader.load("cancel-all.yaml", """
                name: cancel all, no pool
                seed: 1
                cancel_all: { at: 45ms }
                callbacks:
                  - name: job
                    count: 8
                    arrival: { every: 10ms }
                    work: { sleep: 100ms }
                """);
        List<Event> events = new CopyOnWriteArrayList<>();
        var summary = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                List.of(events::add)).await(Duration.ofMinutes(1));
        assertThat(events).filteredOn(e -> e.type() == EventType.SUBMITTED).hasSize(5); // at 0, 10, 20, 30, 40 ms
        assertThat(events).filteredOn(e -> e.type() == EventType.CANCELLED).hasSize(5)
                .allSatisfy(e -> assertThat(e.t()).isEqualTo(Duration.ofMillis(45).toNanos()));
        assertThat(summary.overall().count("SUCCEEDED")).isZero();
    }
}
