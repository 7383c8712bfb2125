package dev.asynclab.lab.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTest {

    /// Expected values from the reference implementation (libxxhash 0.8.1, XXH64).
    @Test
    void matchesTheReferenceXxh64() {
        assertThat(hash("", 0)).isEqualTo("ef46db3751d8e999");
        assertThat(hash("abc", 0)).isEqualTo("44bc2cf5ad770999");
        assertThat(hash("a".repeat(40), 0)).isEqualTo("569ea6843111ef03");
        assertThat(hash("{\"seq\":1,\"t\":2,\"type\":\"STARTED\"}", 12345)).isEqualTo("711999fa6113fba7");
        byte[] bytes = new byte[100];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        assertThat(ChainHash.toHex(ChainHash.hash(0xDEADBEEFCAFEBABEL, bytes, 0, bytes.length)))
                .isEqualTo("ddbd6a26cf28b660");
    }

    @Test
    void hashesOnlyTheGivenSlice() {
        byte[] padded = "xxabcyy".getBytes(StandardCharsets.US_ASCII);
        assertThat(ChainHash.toHex(ChainHash.hash(0, padded, 2, 3))).isEqualTo("44bc2cf5ad770999");
    }

    private static String hash(String s, long seed) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return ChainHash.toHex(ChainHash.hash(seed, b, 0, b.length));
    }
}
