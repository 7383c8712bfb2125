package dev.asynclab.app.ui.main;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadingPaceTest {

    private static final long INTERVAL = 100;
    private static final long FRAME = 16;

    @Test
    void theFirstChangeIsShownAtOnceAndAQuickSecondIsHeldUntilItsIntervalHasPassed() {
        var pace = new ReadingPace(INTERVAL);
        assertThat(pace.changed(1_000)).isTrue();
        assertThat(pace.changed(1_016)).isFalse();
        assertThat(pace.holding()).isTrue();
        assertThat(pace.due(1_032)).isFalse();
        assertThat(pace.due(1_099)).isFalse();
        assertThat(pace.due(1_100)).isTrue();
        assertThat(pace.holding()).isFalse();
        assertThat(pace.due(1_300)).isFalse(); // nothing held: nothing to show
    }

    @Test
    void aChangeAfterAQuietIntervalIsShownAtOnce() {
        var pace = new ReadingPace(INTERVAL);
        pace.changed(0);
        assertThat(pace.changed(150)).isTrue();
        assertThat(pace.holding()).isFalse();
    }

    @Test
    void showingByOtherMeansDropsWhatWasHeld() {
        var pace = new ReadingPace(INTERVAL);
        pace.changed(0);
        pace.changed(10);
        pace.shown(20);
        assertThat(pace.holding()).isFalse();
        assertThat(pace.due(500)).isFalse();
        assertThat(pace.changed(60)).isFalse(); // the interval counts from that showing
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> new ReadingPace(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    /// Changes arriving at any times, and a frame every 16 ticks asking `due`: two showings are never closer than
    /// the interval, and the last change is shown no later than the interval plus one frame after it arrived.
    @Property
    void showingsAreAnIntervalApartAndTheLastChangeIsNeverLost(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 400) Integer> gaps) {
        var pace = new ReadingPace(INTERVAL);
        List<Long> arrivals = new ArrayList<>();
        long t = 0;
        for (int gap : gaps) {
            t += gap;
            arrivals.add(t);
        }
        List<Long> showings = new ArrayList<>();
        int next = 0;
        long lastArrival = arrivals.getLast();
        for (long now = 0; now <= lastArrival + INTERVAL + 2 * FRAME; now++) {
            while (next < arrivals.size() && arrivals.get(next) == now) {
                if (pace.changed(now)) {
                    showings.add(now);
                }
                next++;
            }
            if (now % FRAME == 0 && pace.due(now)) {
                showings.add(now);
            }
        }
        for (int i = 1; i < showings.size(); i++) {
            assertThat(showings.get(i) - showings.get(i - 1)).isGreaterThanOrEqualTo(INTERVAL);
        }
        assertThat(pace.holding()).isFalse();
        assertThat(showings.getLast()).isBetween(lastArrival, lastArrival + INTERVAL + FRAME);
    }
}
