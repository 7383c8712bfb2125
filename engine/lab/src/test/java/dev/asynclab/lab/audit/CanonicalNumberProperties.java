package dev.asynclab.lab.audit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/// The fast path's eight-bytes-at-a-time digits agree with reading one byte at a time, for any eight bytes: how
/// many digits lead, and their value.
class CanonicalNumberProperties {

    @Provide
    Arbitrary<byte[]> words() {
        Arbitrary<Byte> digit = Arbitraries.integers().between('0', '9').map(i -> (byte) (int) i);
        Arbitrary<Byte> near = Arbitraries.of((byte) '/', (byte) ':', (byte) ';', (byte) '?', (byte) ',', (byte) '"',
                (byte) '}', (byte) '-', (byte) 0x00, (byte) 0xFF, (byte) 0xB0, (byte) 0x39, (byte) 0x30);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, digit), net.jqwik.api.Tuple.of(2, near),
                net.jqwik.api.Tuple.of(1, any)).array(byte[].class).ofSize(8);
    }

    @Property(tries = 3000)
    void eightBytesAtATimeReadTheDigitsOneAtATimeReads(@ForAll("words") byte[] bytes) {
        long word = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        int n = 0;
        long value = 0;
        while (n < 8 && bytes[n] >= '0' && bytes[n] <= '9') {
            value = value * 10 + bytes[n] - '0';
            n++;
        }
        assertThat(CanonicalRecordDecoder.digitsIn(word)).isEqualTo(n);
        if (n > 0) {
            assertThat(CanonicalRecordDecoder.valueOf(word, n)).isEqualTo(value);
        }
    }
}
