package dev.asynclab.app.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTest {

    @Test
    void anEqualCombinationGetsTheRowItGotBeforeWhicheverStringsCarryIt() {
        TextTable texts = new TextTable();
        int ok = texts.add(null, null, "ok");
        int reset = texts.add("IOException", "connection reset", null);

        assertThat(texts.add(null, null, new String("ok"))).isEqualTo(ok);
        assertThat(texts.add(null, null, "ok")).isEqualTo(ok);
        assertThat(texts.add(new String("IOException"), "connection reset", null)).isEqualTo(reset);
        assertThat(texts.add("IOException", "connection reset", "ok")).isNotIn(ok, reset);
        assertThat(texts.add(null, null, null)).isEqualTo(-1);
        assertThat(texts.size()).isEqualTo(3);
        assertThat(texts.errorMessage(reset)).isEqualTo("connection reset");
        assertThat(texts.value(ok)).isEqualTo("ok");
        assertThat(texts.value(-1)).isNull();
    }

    @Test
    void pastTheInternedLimitEveryNewCombinationStillReadsBack() {
        TextTable texts = new TextTable();
        for (int i = 0; i < TextTable.INTERNED + 10; i++) {
            assertThat(texts.value(texts.add(null, null, "v" + i))).isEqualTo("v" + i);
        }
        assertThat(texts.add(null, null, "v1")).isEqualTo(1);
        assertThat(texts.size()).isEqualTo(TextTable.INTERNED + 10);
    }
}
