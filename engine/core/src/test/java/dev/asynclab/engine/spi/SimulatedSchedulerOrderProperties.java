package dev.asynclab.engine.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/// The simulated clock runs tasks in (due time, scheduling order), whatever the schedule: tasks due now and later,
/// ties, tasks scheduling and cancelling others while they run. Checked against a plain list scanned for its
/// smallest (due, order) at every step, which is obviously right and far too slow to use.
class SimulatedSchedulerOrderProperties {

    /// What task number `n` does when it runs: schedule children after these delays, and cancel the task made
    /// `cancelBack` tasks before it (0: none).
    record Step(List<Long> childDelays, int cancelBack) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        // Few distinct delays, so that many tasks fall due at the same nanosecond; zero often (the "now" path).
        Arbitrary<Long> delay = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 40));
        Arbitrary<Step> step = Combinators.combine(delay.list().ofMaxSize(3), Arbitraries.integers().between(0, 12))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Long>> roots() {
        return Arbitraries.longs().between(0, 40).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void tasksRunInDueThenSchedulingOrder(@ForAll("roots") List<Long> roots, @ForAll("scripts") List<Step> script) {
        var sim = new SimulatedScheduler();
        List<String> simulated = play(sim, roots, script);
        sim.runUntilIdle();

        var reference = new ListScheduler();
        List<String> expected = play(reference, roots, script);
        reference.runUntilIdle();

        assertThat(simulated).isEqualTo(expected);
        assertThat(sim.pendingTasks()).isZero();
    }

    /// The same holds when the run is cut into slices (`advance`), which stops at every slice's end.
    @Property(tries = 200)
    void advancingInSlicesKeepsTheOrder(@ForAll("roots") List<Long> roots, @ForAll("scripts") List<Step> script) {
        var sim = new SimulatedScheduler();
        List<String> simulated = play(sim, roots, script);
        while (sim.pendingTasks() > 0) {
            sim.advance(7);
        }

        var reference = new ListScheduler();
        List<String> expected = play(reference, roots, script);
        reference.runUntilIdle();

        assertThat(simulated).isEqualTo(expected);
    }

    /// The heap on its own, against a sorted set: any mix of adds, polls and removals from the middle.
    @Property(tries = 300)
    void dueQueuePollsInKeyOrderAfterAnyRemovals(@ForAll("operations") List<Integer> ops) {
        var queue = new DueQueue();
        record Key(long due, long order, DueQueue.Entry entry) {
        }
        var model = new TreeSet<Key>(Comparator.comparingLong(Key::due).thenComparingLong(Key::order));
        List<Key> added = new ArrayList<>();
        long order = 0;
        for (int op : ops) {
            if (op >= 0) { // add, due at op
                var k = new Key(op, order++, new DueQueue.Entry() { });
                queue.add(k.entry(), k.due(), k.order());
                model.add(k);
                added.add(k);
            } else if (op == -1) { // poll
                Key first = model.pollFirst();
                assertThat(queue.poll()).isSameAs(first == null ? null : first.entry());
            } else if (!added.isEmpty()) { // remove one added earlier, perhaps already gone
                Key k = added.get(-op % added.size());
                assertThat(queue.remove(k.entry())).isEqualTo(model.remove(k));
            }
            assertThat(queue.size()).isEqualTo(model.size());
        }
        Key k;
        while ((k = model.pollFirst()) != null) {
            assertThat(queue.poll()).isSameAs(k.entry());
        }
        assertThat(queue.poll()).isNull();
    }

    @Provide
    Arbitrary<List<Integer>> operations() {
        return Arbitraries.integers().between(-30, 25).list().ofMaxSize(200);
    }

    /// Schedules the roots; every task run logs "number@time", then follows its step of the script.
    private static List<String> play(Scheduler scheduler, List<Long> roots, List<Step> script) {
        List<String> log = new ArrayList<>();
        List<Scheduler.Cancellable> made = new ArrayList<>();
        for (long delay : roots) {
            schedule(scheduler, delay, script, log, made);
        }
        return log;
    }

    private static void schedule(Scheduler scheduler, long delay, List<Step> script, List<String> log,
                                 List<Scheduler.Cancellable> made) {
        int number = made.size();
        Runnable task = () -> {
            log.add(number + "@" + scheduler.nanoTime());
            Step step = script.get(number % script.size());
            if (made.size() < 400) { // bounded: children of children would go on for ever
                for (long d : step.childDelays()) {
                    schedule(scheduler, d, script, log, made);
                }
            }
            int target = number - step.cancelBack();
            if (step.cancelBack() > 0 && target >= 0) {
                made.get(target).cancel();
            }
        };
        if (delay == 0 && number % 3 == 2) {
            // Handed to the workers, as a pool's dispatch is: runs now, in order, and cannot be called off.
            scheduler.workers().execute(task);
            made.add(() -> false);
        } else {
            made.add(scheduler.schedule(task, delay));
        }
    }

    /// The obviously correct scheduler: a list, scanned for the smallest (due, order) each time.
    static final class ListScheduler implements Scheduler {
        private final class Pending implements Cancellable {
            final long due;
            final long order;
            Runnable task;

            Pending(long due, long order, Runnable task) {
                this.due = due;
                this.order = order;
                this.task = task;
            }

            @Override
            public boolean cancel() {
                boolean was = task != null;
                task = null;
                pending.remove(this);
                return was;
            }
        }

        private final List<Pending> pending = new ArrayList<>();
        private long now;
        private long order;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Cancellable schedule(Runnable task, long delayNanos) {
            var p = new Pending(now + Math.max(0, delayNanos), order++, task);
            pending.add(p);
            return p;
        }

        @Override
        public java.util.concurrent.Executor workers() {
            return task -> schedule(task, 0);
        }

        void runUntilIdle() {
            while (!pending.isEmpty()) {
                Pending first = pending.stream()
                        .min(Comparator.comparingLong((Pending p) -> p.due).thenComparingLong(p -> p.order))
                        .orElseThrow();
                pending.remove(first);
                Runnable task = first.task;
                first.task = null;
                now = first.due;
                task.run();
            }
        }
    }
}
