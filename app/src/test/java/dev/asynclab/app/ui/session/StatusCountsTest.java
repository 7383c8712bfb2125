package dev.asynclab.app.ui.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCountsTest {

    @Test
    void saysHowFarTheViewTrailsOnlyWhenItDoes() {
        StatusCounts caughtUp = new StatusCounts(10, 1, 2, 5, 1, 1, 0, 0, 0, 50_000, 0);
        StatusCounts trailing = new StatusCounts(10, 1, 2, 5, 1, 1, 0, 0, 0, 50_000, 1_234);
        assertThat(caughtUp.describe()).startsWith("submitted 10 · queued 1 · active 2").endsWith("50,000 events/s");
        assertThat(trailing.describe()).endsWith("50,000 events/s · view 1,234 events behind");
    }
}
