package dev.asynclab.app.ui.session;

import org.junit.jupiter.api.Test;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/// An open asks for the room its store needs and the heap is collected only when, garbage counted as in use, it
/// is short of that: every open's full collection had shrunk G1's heap for the load to regrow.
class HeapRoomTest {

    @Test
    void aHeapWithTheRoomWantedIsNotCollected() {
        long full = fullCollections();
        long free = HeapRoom.free(1);
        assertThat(fullCollections()).as("full collections").isEqualTo(full);
        assertThat(free).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }

    @Test
    void aHeapShortOfTheRoomWantedIsCollectedFirst() {
        long full = fullCollections();
        long free = HeapRoom.free(Runtime.getRuntime().maxMemory() + 1);
        assertThat(fullCollections()).as("full collections").isGreaterThan(full);
        assertThat(free).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }

    @Test
    void theRoomWantedForSomeEventsHoldsThatManyEvents() {
        for (long events : new long[] {0, 1, 999, 10_000_002, 123_456_789}) {
            assertThat(LogLoader.fittingEvents(LogLoader.heapBytes(events))).isGreaterThanOrEqualTo(events);
            assertThat(LogLoader.fittingEvents(LogLoader.heapBytes(events) - 200)).isLessThan(Math.max(1, events));
        }
    }

    /// Full collections so far: `System.gc()`'s, under G1 (the JVM's default here) counted by its old-generation
    /// bean, not by the young collections a test's own allocation may start at any time.
    private static long fullCollections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Old") || gc.getName().contains("MarkSweep") || gc.getName().contains("Full")) {
                n += gc.getCollectionCount();
            }
        }
        return n;
    }
}
