package dev.asynclab.lab.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/// The top-level calls of a run that have not ended yet, so that a cancel-all (the scenario's `cancelAllAt`, or
/// stopping the run) reaches every one of them.
///
/// A call is added when it is launched and removed when it ends, with the handle `add` gave. On the simulated
/// clock every add, remove and snapshot happens on the simulation thread, so `forSimulation()` keeps the calls in
/// an array of slots with a free list: no hashing and no node per call (the concurrent set used before, with an
/// identity hash and a node per call, took about an eighth of the simulation thread's samples in a profile of a
/// million-call run). On the real clock calls end on their workers while a cancel-all may be taking a
/// snapshot, so `concurrent()` is a concurrent set.
///
/// ```java
/// LiveCalls live = LiveCalls.forSimulation();
/// var call = new CompletableFuture<String>();
/// int handle = live.add(call);
/// live.snapshot().forEach(f -> f.cancel(true));   // cancels `call`
/// live.remove(handle, call);
/// ```
abstract sealed class LiveCalls {

    /// For calls added, removed and listed on one thread only.
    static LiveCalls forSimulation() {
        return new OneThread();
    }

    /// For calls that end on any thread.
    static LiveCalls concurrent() {
        return new Concurrent();
    }

    /// Adds `call`; returns the handle to remove it with.
    abstract int add(CompletableFuture<?> call);

    /// Removes `call`, added with `handle`.
    abstract void remove(int handle, CompletableFuture<?> call);

    /// The calls not yet removed, as a list of their own (removing calls meanwhile does not change it).
    abstract List<CompletableFuture<?>> snapshot();

    /// How many calls are live.
    abstract int size();

    private static final class OneThread extends LiveCalls {

        private CompletableFuture<?>[] slots = new CompletableFuture<?>[64];
        /// Free slot indexes, a stack: a slot freed is reused first, so the array stays as small as the most
        /// calls live at once.
        private int[] free = new int[64];
        private int freeCount;
        /// Slots ever used: the ones at or past it are free without being on the stack.
        private int used;
        private int size;

        @Override
        int add(CompletableFuture<?> call) {
            int slot;
            if (freeCount > 0) {
                slot = free[--freeCount];
            } else {
                if (used == slots.length) {
                    slots = Arrays.copyOf(slots, used * 2);
                    free = Arrays.copyOf(free, used * 2);
                }
                slot = used++;
            }
            slots[slot] = call;
            size++;
            return slot;
        }

        @Override
        void remove(int handle, CompletableFuture<?> call) {
            if (slots[handle] != call) {
                return; // removed already
            }
            slots[handle] = null;
            free[freeCount++] = handle;
            size--;
        }

        @Override
        List<CompletableFuture<?>> snapshot() {
            List<CompletableFuture<?>> calls = new ArrayList<>(size);
            for (int i = 0; i < used; i++) {
                if (slots[i] != null) {
                    calls.add(slots[i]);
                }
            }
            return calls;
        }

        @Override
        int size() {
            return size;
        }
    }

    private static final class Concurrent extends LiveCalls {

        private final Set<CompletableFuture<?>> calls = ConcurrentHashMap.newKeySet();

        @Override
        int add(CompletableFuture<?> call) {
            calls.add(call);
            return 0;
        }

        @Override
        void remove(int handle, CompletableFuture<?> call) {
            calls.remove(call);
        }

        @Override
        List<CompletableFuture<?>> snapshot() {
            return List.copyOf(calls);
        }

        @Override
        int size() {
            return calls.size();
        }
    }
}
