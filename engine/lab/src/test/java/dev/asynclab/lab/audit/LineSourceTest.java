package dev.asynclab.lab.audit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LineSourceTest {

    @Test
    void findsEveryNewlineAtEveryOffset() {
        var random = new Random(1);
        for (int round = 0; round < 2_000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (random.nextInt(5) == 0 ? '\n' : random.nextInt(256));
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int expected = -1;
            for (int i = from; i < b.length; i++) {
                if (b[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(LineSource.indexOfNewline(b, from, b.length)).isEqualTo(expected);
        }
    }

    @Test
    void splitsLinesAndFlagsAnUnterminatedLast() throws IOException {
        var src = new LineSource(new ByteArrayInputStream("a\n\nbcd\nef".getBytes(StandardCharsets.US_ASCII)));
        var lines = new ArrayList<String>();
        while (src.next()) {
            lines.add(src.number + ":" + new String(src.buf, src.start, src.end - src.start, StandardCharsets.US_ASCII)
                    + (src.terminated ? "" : "(cut)"));
        }
        assertThat(lines).containsExactly("1:a", "2:", "3:bcd", "4:ef(cut)");
    }
}
