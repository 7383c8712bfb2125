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

/// The simulated clock's own deadline slots (a reused entry in a deadline list, or in the heap when its place is far
/// from the list's tail) fire exactly what a timer per deadline fires, at the same instants and in the same order
/// among all other tasks: the scheduler's runs, and so a scenario's events, are what they were with
/// `TimerPerDeadline`. Checked against the plain list scheduler of `SimulatedSchedulerOrderProperties`, whose slots
/// are the default `TimerPerDeadline`.
class SimulatedDeadlineSlotProperties {

    /// What task or deadline number `n` does when it runs: schedule children after these delays, arm slot
    /// `armSlot` (-1: none) with a deadline `armDelay` from now, disarm slot `disarmSlot` (-1: none), and cancel the
    /// task made `cancelBack` tasks before it (0: none).
    record Step(List<Long> childDelays, int armSlot, long armDelay, int disarmSlot, int cancelBack) {
    }

    private static final int SLOTS = 12;

    @Provide
    Arbitrary<List<Step>> scripts() {
        // Few distinct delays, so that many fall due at the same nanosecond; zero and negative deadlines too (a
        // deadline already passed is due now), and spread-out ones, so that some go to the heap.
        Arbitrary<Long> delay = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 40));
        Arbitrary<Long> armDelay = Arbitraries.oneOf(Arbitraries.just(40L), Arbitraries.longs().between(-5, 60));
        Arbitrary<Integer> slot = Arbitraries.integers().between(-1, SLOTS - 1);
        Arbitrary<Step> step = Combinators.combine(delay.list().ofMaxSize(2), slot, armDelay, slot,
                Arbitraries.integers().between(0, 12)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Long>> roots() {
        return Arbitraries.longs().between(0, 40).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 400)
    void slotsFireWhatATimerPerDeadlineFires(@ForAll("roots") List<Long> roots, @ForAll("scripts") List<Step> script) {
        var sim = new SimulatedScheduler();
        List<String> simulated = new Play(sim, script).start(roots);
        sim.runUntilIdle();

        var reference = new SimulatedSchedulerOrderProperties.ListScheduler();
        List<String> expected = new Play(reference, script).start(roots);
        reference.runUntilIdle();

        assertThat(simulated).isEqualTo(expected);
        assertThat(sim.pendingTasks()).isZero();
    }

    /// The list on its own, against a sorted set: whatever it takes comes out in key order, after any removals, and
    /// it refuses only a node whose place is more than `MAX_STEPS` from its tail.
    @Property(tries = 300)
    void deadlineListPollsInKeyOrderAndTakesWhatIsNearItsTail(@ForAll("operations") List<Integer> ops) {
        var list = new DeadlineList();
        record Key(long due, long order, DeadlineList.Node node) {
        }
        var model = new TreeSet<Key>(Comparator.comparingLong(Key::due).thenComparingLong(Key::order));
        List<Key> added = new ArrayList<>();
        long order = 0;
        for (int op : ops) {
            if (op >= 0) { // offer, due at op
                var k = new Key(op, order++, new DeadlineList.Node() { });
                long after = model.tailSet(k, false).size();
                boolean taken = list.offer(k.node(), k.due(), k.order());
                assertThat(taken).isEqualTo(after <= DeadlineList.MAX_STEPS);
                assertThat(k.node().linked()).isEqualTo(taken);
                if (taken) {
                    model.add(k);
                    added.add(k);
                }
            } else if (op == -1) { // poll
                Key first = model.pollFirst();
                assertThat(list.poll()).isSameAs(first == null ? null : first.node());
            } else if (!added.isEmpty()) { // remove one still in it
                Key k = added.remove(-op % added.size());
                if (model.remove(k)) {
                    list.remove(k.node());
                    assertThat(k.node().linked()).isFalse();
                }
            }
            assertThat(list.size()).isEqualTo(model.size());
            if (!model.isEmpty()) {
                assertThat(list.peekDue()).isEqualTo(model.first().due());
                assertThat(list.peekOrder()).isEqualTo(model.first().order());
            }
        }
        Key k;
        while ((k = model.pollFirst()) != null) {
            assertThat(list.poll()).isSameAs(k.node());
        }
        assertThat(list.poll()).isNull();
        assertThat(list.isEmpty()).isTrue();
    }

    @Provide
    Arbitrary<List<Integer>> operations() {
        // Mostly rising dues (as deadlines armed with one limit are), some far behind the tail.
        return Arbitraries.integers().between(-30, 60).list().ofMaxSize(200);
    }

    /// One run of a script on a scheduler: every task and deadline logs "what@time", then follows its step.
    private static final class Play {
        private final Scheduler scheduler;
        private final List<Step> script;
        private final List<String> log = new ArrayList<>();
        private final List<Scheduler.Cancellable> made = new ArrayList<>();
        private final Scheduler.DeadlineSlot[] slots = new Scheduler.DeadlineSlot[SLOTS];
        private final Scheduler.Deadline[] armed = new Scheduler.Deadline[SLOTS];
        private int actions;

        Play(Scheduler scheduler, List<Step> script) {
            this.scheduler = scheduler;
            this.script = script;
            for (int i = 0; i < SLOTS; i++) {
                slots[i] = scheduler.deadlineSlot();
            }
        }

        List<String> start(List<Long> roots) {
            for (long delay : roots) {
                schedule(delay);
            }
            return log;
        }

        private void schedule(long delay) {
            int number = made.size();
            made.add(scheduler.schedule(() -> act("t" + number, number), delay));
        }

        /// Follows the script's step for the `n`-th thing to run; bounded, as children of children go on for ever.
        private void act(String what, int n) {
            log.add(what + "@" + scheduler.nanoTime());
            if (actions++ > 500) {
                return;
            }
            Step step = script.get(n % script.size());
            for (long d : step.childDelays()) {
                schedule(d);
            }
            if (step.armSlot() >= 0) {
                int slot = step.armSlot();
                int id = actions;
                long at = scheduler.nanoTime() + step.armDelay();
                var deadline = new Scheduler.Deadline() {
                    @Override
                    public long deadlineNanos() {
                        return at;
                    }

                    @Override
                    public void onDeadline() {
                        act("d" + id + "/s" + slot, id);
                    }
                };
                armed[slot] = deadline;
                slots[slot].arm(deadline);
            }
            if (step.disarmSlot() >= 0 && armed[step.disarmSlot()] != null) {
                slots[step.disarmSlot()].disarm(armed[step.disarmSlot()]);
            }
            int target = n - step.cancelBack();
            if (step.cancelBack() > 0 && target >= 0 && target < made.size()) {
                made.get(target).cancel();
            }
        }
    }
}
