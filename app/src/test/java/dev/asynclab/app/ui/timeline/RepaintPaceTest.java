package dev.asynclab.app.ui.timeline;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The pace of the timeline's repaints, on simulated pulses driven the way `TimelineSkin` drives it: an animation
/// timer that, started during a pulse, first runs in the next one and stops itself when the pace no longer wants
/// pulses; appended batches and changes in the pulse's animation phase (before or after the timer's turn); a
/// layout pass when something asked for one.
class RepaintPaceTest {

    /// What happens in one pulse.
    record Pulse(boolean append, boolean change, boolean appendBeforeTimer) {

        static Pulse batch() {
            return new Pulse(true, false, false);
        }

        static Pulse nothing() {
            return new Pulse(false, false, false);
        }

        static Pulse aChange() {
            return new Pulse(false, true, false);
        }
    }

    /// The skin's side of the protocol, with the pulse numbers of its draws.
    static final class SimulatedSkin {

        final RepaintPace pace;
        final List<Integer> draws = new ArrayList<>();
        final List<Integer> timerPulses = new ArrayList<>();
        private boolean timerActive;
        private int timerStartedIn = -1;

        SimulatedSkin(int gap) {
            pace = new RepaintPace(gap);
            pace.drew(); // the first draw, when the window was shown, long before
            for (int p = 0; p < gap; p++) {
                pace.pulse();
            }
        }

        void run(int p, Pulse pulse) {
            boolean layout = false;
            if (pulse.append() && pulse.appendBeforeTimer()) {
                layout |= append(p);
            }
            if (timerActive && timerStartedIn < p) {
                timerPulses.add(p);
                if (pace.pulse()) {
                    layout = true;
                }
                if (!pace.wantsPulses()) {
                    timerActive = false;
                }
            }
            if (pulse.append() && !pulse.appendBeforeTimer()) {
                layout |= append(p);
            }
            if (pulse.change()) {
                pace.changed();
                layout = true;
            }
            if (layout) {
                if (pace.drawNow()) {
                    pace.drew();
                    draws.add(p);
                }
                followPace(p);
            }
        }

        private boolean append(int p) {
            boolean now = pace.appended();
            followPace(p);
            return now;
        }

        private void followPace(int p) {
            if (pace.wantsPulses() && !timerActive) {
                timerActive = true;
                timerStartedIn = p;
            }
        }

        boolean timerActive() {
            return timerActive;
        }

        /// The first draw at or after pulse `p`, or -1.
        int firstDrawFrom(int p) {
            return draws.stream().filter(d -> d >= p).findFirst().orElse(-1);
        }
    }

    private static SimulatedSkin run(int gap, List<Pulse> pulses, int quietAfter) {
        SimulatedSkin skin = new SimulatedSkin(gap);
        for (int p = 0; p < pulses.size() + quietAfter; p++) {
            skin.run(p, p < pulses.size() ? pulses.get(p) : Pulse.nothing());
        }
        return skin;
    }

    @Test
    void aStreamOfBatchesIsDrawnEveryOtherPulseAndItsLastBatchIsDrawn() {
        List<Pulse> pulses = new ArrayList<>();
        for (int p = 0; p < 9; p++) {
            pulses.add(Pulse.batch());
        }
        SimulatedSkin skin = run(RepaintPace.LIVE_GAP, pulses, 6);
        // The first batch at once, then every other pulse; the ninth (pulse 8) is drawn in its own pulse.
        assertThat(skin.draws).containsExactly(0, 2, 4, 6, 8);
        assertThat(skin.pace.held()).isEqualTo(4); // the batches of pulses 2, 4, 6, 8 joined the one before
        assertThat(skin.pace.waiting()).isFalse();
    }

    @Test
    void aLastBatchThatCameInASkippedPulseIsDrawnInTheNext() {
        SimulatedSkin skin = run(RepaintPace.LIVE_GAP, List.of(Pulse.batch(), Pulse.batch()), 5);
        assertThat(skin.draws).containsExactly(0, 2);
        assertThat(skin.timerActive()).isFalse(); // and the timer stopped: no pulses asked for nothing
    }

    @Test
    void aChangeIsDrawnInItsPulseEvenRightAfterADraw() {
        SimulatedSkin skin = run(RepaintPace.LIVE_GAP,
                List.of(Pulse.batch(), Pulse.aChange(), Pulse.aChange(), Pulse.batch(), Pulse.batch()), 4);
        assertThat(skin.draws).containsExactly(0, 1, 2, 4);
    }

    @Test
    void aBatchAfterAQuietPulseIsDrawnAtOnce() {
        SimulatedSkin skin = run(RepaintPace.LIVE_GAP,
                List.of(Pulse.batch(), Pulse.nothing(), Pulse.batch(), Pulse.nothing(), Pulse.nothing(), Pulse.batch()),
                4);
        assertThat(skin.draws).containsExactly(0, 2, 5);
    }

    @Test
    void batchesThatJoinOneWaitingAreCountedAsSavedRepaints() {
        RepaintPace pace = new RepaintPace(3);
        assertThat(pace.drawNow()).isTrue(); // the first draw
        pace.drew();
        assertThat(pace.appended()).isFalse();
        assertThat(pace.appended()).isFalse();
        assertThat(pace.pulse()).isFalse();
        assertThat(pace.appended()).isFalse();
        assertThat(pace.drawNow()).isFalse();
        assertThat(pace.pulse()).isFalse();
        assertThat(pace.pulse()).isTrue();
        assertThat(pace.drawNow()).isTrue();
        pace.drew();
        assertThat(pace.held()).isEqualTo(2);
        assertThat(pace.waiting()).isFalse();
    }

    @Test
    void aGapOfOnePulseDrawsEveryBatchInItsPulse() {
        List<Pulse> pulses = List.of(Pulse.batch(), Pulse.batch(), Pulse.batch());
        assertThat(run(1, pulses, 3).draws).containsExactly(0, 1, 2);
    }

    @Test
    void aGapMustBeAtLeastOnePulse() {
        assertThatThrownBy(() -> new RepaintPace(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one pulse");
    }

    /// Any mix of pulses with batches, changes and nothing, the batches coming before or after the timer's turn:
    /// every batch is drawn within `gap - 1` pulses after it came (the last one too: never stale); a batch that
    /// finds no draw in the `gap - 1` pulses before it is drawn at once; a change is drawn in its pulse; a draw
    /// that no change asked for comes at least `gap` pulses after the one before; at most one draw a pulse; and
    /// the timer has stopped `gap` pulses after the last draw.
    @Property
    void batchesAreDrawnAtMostEveryGapPulsesAndNoneIsLeft(@ForAll("pulses") List<Pulse> pulses,
                                                           @ForAll @IntRange(min = 1, max = 4) int gap) {
        SimulatedSkin skin = run(gap, pulses, 2 * gap + 1);
        List<Integer> draws = skin.draws;
        assertThat(draws).doesNotHaveDuplicates().isSorted();
        int lastActivity = -1;
        for (int p = 0; p < pulses.size(); p++) {
            Pulse pulse = pulses.get(p);
            if (pulse.append()) {
                int drawn = skin.firstDrawFrom(p);
                assertThat(drawn).as("the batch of pulse %d is drawn", p).isGreaterThanOrEqualTo(p)
                        .isLessThanOrEqualTo(p + gap - 1);
                int q = p;
                boolean drewJustBefore = draws.stream().anyMatch(d -> d < q && d > q - gap);
                if (!drewJustBefore) {
                    assertThat(drawn).as("the batch of pulse %d, after a quiet spell, is drawn at once", p)
                            .isEqualTo(p);
                }
                lastActivity = p;
            }
            if (pulse.change()) {
                assertThat(draws).as("the change of pulse %d is drawn in it", p).contains(p);
                lastActivity = p;
            }
        }
        for (int i = 1; i < draws.size(); i++) {
            int d = draws.get(i);
            boolean asked = d < pulses.size() && pulses.get(d).change();
            if (!asked) {
                assertThat(d - draws.get(i - 1)).as("the draw of pulse %d, for batches only", d)
                        .isGreaterThanOrEqualTo(gap);
            }
        }
        assertThat(skin.pace.waiting()).isFalse();
        assertThat(skin.timerActive()).isFalse();
        int lastDraw = draws.isEmpty() ? -1 : draws.getLast();
        int stopBy = draws.isEmpty() ? -1 : lastDraw + gap;
        assertThat(lastActivity).isLessThanOrEqualTo(lastDraw);
        assertThat(skin.timerPulses.stream().filter(p -> p > stopBy)).as("the timer stops").isEmpty();
    }

    @Provide
    Arbitrary<List<Pulse>> pulses() {
        Arbitrary<Pulse> pulse = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.of(true, false)).as((kind, before) -> switch (kind) {
                    case 0, 1 -> Pulse.nothing();
                    case 2 -> Pulse.aChange();
                    case 3 -> new Pulse(true, true, before);
                    default -> new Pulse(true, false, before);
                });
        return pulse.list().ofMinSize(1).ofMaxSize(60);
    }
}
