package dev.asynclab.engine.spi;

import dev.asynclab.engine.spi.Scheduler.Deadline;
import dev.asynclab.engine.spi.Scheduler.DeadlineSlot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/// The real clock's deadline slots over generated runs of workers arming, disarming and re-arming their slots while
/// the timer scans them at made-up times (one thread, no sleeping): a deadline armed when a scan at or after it
/// comes fires at that scan, exactly once; a deadline disarmed, or replaced by the slot's next call's, before such
/// a scan never fires; nothing fires early; the earliest deadline left is the earliest one still armed; and a slot
/// that was left empty comes back into the scan when it is armed again.
class DeadlineSlotsTest {

    /// A call's deadline, as an `Invocation` is one.
    static final class Call implements Deadline {
        final long at;
        int fired;

        Call(long at) {
            this.at = at;
        }

        @Override
        public long deadlineNanos() {
            return at;
        }

        @Override
        public void onDeadline() {
            fired++;
        }
    }

    /// One step: slot `slot` gets a new call due `offset` from now (arm), its call ends (disarm) or, with
    /// `disarmStale`, an earlier call's late disarm arrives (it must not clear the current one); then, when `scan`,
    /// the clock moves on by `advance` and the timer scans.
    record Step(int slot, int action, long offset, boolean scan, long advance) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> offset = Arbitraries.oneOf(Arbitraries.longs().between(-1_000, 1_000),
                Arbitraries.longs().between(0, 30_000_000_000L));
        Arbitrary<Long> advance = Arbitraries.oneOf(Arbitraries.longs().between(0, 2_000),
                Arbitraries.longs().between(0, 40_000_000_000L));
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 2),
                offset, Arbitraries.of(true, false), advance).as(Step::new).list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 400)
    void firesEachArmedDeadlineOnceWhenDueAndNeverOneThatEndedOrWasReplaced(
            @ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 6) int slotCount,
            @ForAll @LongRange(min = Long.MIN_VALUE / 2, max = Long.MAX_VALUE / 2) long start) {
        var slots = new DeadlineSlots(deadline -> { });
        List<DeadlineSlot> slot = new ArrayList<>();
        Call[] current = new Call[slotCount];     // the deadline each slot holds in the model (null: empty)
        List<List<Call>> previous = new ArrayList<>();
        for (int i = 0; i < slotCount; i++) {
            slot.add(slots.newSlot());
            previous.add(new ArrayList<>());
        }
        Set<Call> mustNotFire = new HashSet<>();
        List<Call> fired = new ArrayList<>();
        long now = start;
        for (Step s : steps) {
            int i = s.slot() % slotCount;
            switch (s.action()) {
                case 0 -> { // the slot's next call starts: its deadline replaces the previous one
                    if (current[i] != null) {
                        mustNotFire.add(current[i]);
                        previous.get(i).add(current[i]);
                    }
                    current[i] = new Call(now + s.offset());
                    slot.get(i).arm(current[i]);
                }
                case 1 -> { // the call ends
                    if (current[i] != null) {
                        slot.get(i).disarm(current[i]);
                        mustNotFire.add(current[i]);
                        current[i] = null;
                    }
                }
                default -> { // a call that ended long ago disarms late: the current one stays armed
                    for (Call old : previous.get(i)) {
                        slot.get(i).disarm(old);
                    }
                }
            }
            if (!s.scan()) {
                continue;
            }
            now += s.advance();
            long at = now;
            slots.expire(at, d -> {
                Call c = (Call) d;
                assertThat(c.at - at).as("fired early").isLessThanOrEqualTo(0);
                assertThat(mustNotFire).as("fired after it ended or was replaced").doesNotContain(c);
                c.onDeadline();
                fired.add(c);
            });
            Long earliest = null;
            for (int k = 0; k < slotCount; k++) {
                Call c = current[k];
                if (c == null) {
                    continue;
                }
                if (c.at - at <= 0) {
                    assertThat(c.fired).as("a due deadline was missed").isEqualTo(1);
                    current[k] = null; // fired: the slot is empty now
                    mustNotFire.add(c);
                } else if (earliest == null || c.at - earliest < 0) {
                    earliest = c.at;
                }
            }
            assertThat(slots.hasArmed()).isEqualTo(earliest != null);
            if (earliest != null) {
                assertThat(slots.earliest()).isEqualTo(earliest);
                assertThat(slots.armedBefore(earliest + 1)).isTrue();
                assertThat(slots.armedBefore(earliest)).isFalse();
            }
        }
        assertThat(fired).doesNotHaveDuplicates();
        assertThat(fired).allSatisfy(c -> assertThat(c.fired).isEqualTo(1));
    }

    @Property(tries = 50)
    void aSlotLeftEmptyLeavesTheScanAndComesBackWhenArmedAgain(@ForAll @IntRange(min = 1, max = 8) int slotCount) {
        var slots = new DeadlineSlots(deadline -> { });
        List<DeadlineSlot> slot = new ArrayList<>();
        for (int i = 0; i < slotCount; i++) {
            slot.add(slots.newSlot());
        }
        var calls = new ArrayList<Call>();
        for (DeadlineSlot s : slot) {
            var c = new Call(100);
            calls.add(c);
            s.arm(c);
            s.disarm(c);
        }
        slots.expire(0, d -> { throw new AssertionError("nothing is armed"); });
        assertThat(slots.inUse()).as("every empty slot left the scan").isFalse();
        for (DeadlineSlot s : slot) {
            s.arm(new Call(50));
        }
        assertThat(slots.inUse()).isTrue();
        List<Deadline> fired = new ArrayList<>();
        slots.expire(50, fired::add);
        assertThat(fired).hasSize(slotCount);
        assertThat(calls).allSatisfy(c -> assertThat(c.fired).isZero());
    }
}
