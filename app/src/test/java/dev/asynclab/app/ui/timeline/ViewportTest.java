package dev.asynclab.app.ui.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ViewportTest {

    @Test
    void fitsTheWholeRunAsItGrows() {
        Viewport v = new Viewport();
        v.update(1_000_000_000, 1000);
        assertThat(v.start()).isZero();
        assertThat(v.end(1000)).isGreaterThanOrEqualTo(1_000_000_000);
        v.update(4_000_000_000L, 1000);
        assertThat(v.end(1000)).isGreaterThanOrEqualTo(4_000_000_000L);
    }

    @Test
    void zoomKeepsTheTimeUnderThePointer() {
        Viewport v = new Viewport();
        v.update(1_000_000_000, 1000);
        long under = v.timeAt(250);
        v.zoom(0.1, 250, 1_000_000_000, 1000);
        assertThat((double) v.timeAt(250)).isCloseTo(under, within(v.nsPerPixel()));
        assertThat(v.mode()).isEqualTo(Viewport.Mode.FREE);
    }

    @Test
    void scrollingBackStopsFollowingAndReturningToTheEdgeFollowsAgain() {
        Viewport v = new Viewport();
        v.update(1_000_000_000, 1000);
        v.zoom(0.5, 1000, 1_000_000_000, 1000);
        assertThat(v.mode()).isEqualTo(Viewport.Mode.FOLLOW);
        v.update(2_000_000_000, 1000);
        assertThat(v.end(1000)).isGreaterThanOrEqualTo(1_960_000_000L);
        v.pan(300, 2_000_000_000, 1000);
        assertThat(v.mode()).isEqualTo(Viewport.Mode.FREE);
        long start = v.start();
        v.update(3_000_000_000L, 1000);
        assertThat(v.start()).isEqualTo(start);
        v.pan(-100_000, 3_000_000_000L, 1000);
        assertThat(v.mode()).isEqualTo(Viewport.Mode.FOLLOW);
    }

    @Test
    void keepingATimeInViewScrollsOnlyWhenItIsOutAndKeepsTheZoom() {
        Viewport v = new Viewport();
        v.show(100_000_000, 200_000_000, 1000);
        double zoom = v.nsPerPixel();
        assertThat(v.keepInView(150_000_000, 1000)).isFalse();
        assertThat(v.start()).isEqualTo(100_000_000);
        // Past the right edge: a tenth of the view from the left.
        assertThat(v.keepInView(250_000_000, 1000)).isTrue();
        assertThat(v.start()).isEqualTo(240_000_000);
        assertThat(v.nsPerPixel()).isEqualTo(zoom);
        // Before the left edge: a tenth from the right.
        assertThat(v.keepInView(220_000_000, 1000)).isTrue();
        assertThat(v.end(1000)).isEqualTo(230_000_000);
        assertThat(v.mode()).isEqualTo(Viewport.Mode.FREE);
    }

    @Test
    void aViewThatFitsEverythingNeverScrollsToATime() {
        Viewport v = new Viewport();
        v.update(1_000_000_000, 1000);
        assertThat(v.keepInView(5_000_000_000L, 1000)).isFalse();
        assertThat(v.mode()).isEqualTo(Viewport.Mode.FIT);
    }
}
