package dev.asynclab.app.ui.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/// The label logic without a screen: a fixed 6 px a character (the ellipsis too), so the widths are plain.
class LabelsTest {

    private static final TextWidth SIX = s -> 6.0 * s.length();

    @Test
    void aBarSaysItsCallbacksNameAndFromTheSecondAttemptOnWhichAttempt() {
        assertThat(Labels.bar("fetch-user", 1)).isEqualTo("fetch-user");
        assertThat(Labels.bar("fetch-user", 2)).isEqualTo("fetch-user #2");
        assertThat(Labels.bar(null, 3)).isEmpty();
    }

    @Test
    void aLabelThatFitsIsWrittenWhole() {
        // "fetch-user #2" is 13 characters, 78 px.
        assertThat(Labels.fitBar("fetch-user", 2, 78, SIX)).isEqualTo("fetch-user #2");
        assertThat(Labels.fitBar("fetch-user", 2, 500, SIX)).isEqualTo("fetch-user #2");
    }

    @Test
    void aLabelTooLongIsCutWithAnEllipsisKeepingTheAttempt() {
        // 54 px: " #2" takes 18, so the name gets 36 px: six characters, "fetch" and the ellipsis.
        assertThat(Labels.fitBar("fetch-user", 2, 54, SIX)).isEqualTo("fetch… #2");
        assertThat(Labels.fitBar("fetch-user", 1, 30, SIX)).isEqualTo("fetc…");
    }

    @Test
    void whenTheAttemptNoLongerFitsBesideTheNameTheWholeLabelIsCut() {
        // 30 px: 12 px for the name beside " #2" would be one letter; the label cut is "fetc…".
        assertThat(Labels.fitBar("fetch-user", 2, 30, SIX)).isEqualTo("fetc…");
    }

    @Test
    void aBarTooNarrowForTwoLettersAndTheEllipsisSaysNothing() {
        assertThat(Labels.fitBar("fetch-user", 1, 17, SIX)).isEmpty();
        assertThat(Labels.fitBar("fetch-user", 1, 18, SIX)).isEqualTo("fe…");
        assertThat(Labels.fitBar("fetch-user", 1, 0, SIX)).isEmpty();
    }

    @Test
    void aCutNeverEndsInASpaceBeforeTheEllipsis() {
        // "w2 · cache" cut at three characters would be "w2 …".
        assertThat(Labels.fit("w2 · cache", 24, SIX)).isEqualTo("w2…");
    }

    @Test
    void noLabelIsEverWiderThanItsRoom() {
        for (int room = 0; room <= 100; room++) {
            for (int attempt = 1; attempt <= 12; attempt++) {
                String label = Labels.fitBar("call-inventory", attempt, room, SIX);
                assertThat(SIX.of(label)).as("room %d, attempt %d: %s", room, attempt, label)
                        .isLessThanOrEqualTo(room);
            }
        }
    }
}
