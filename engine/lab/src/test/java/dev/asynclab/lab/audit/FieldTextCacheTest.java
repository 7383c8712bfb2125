package dev.asynclab.lab.audit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// Whatever texts a field sees, in whatever order (the same objects again, equal copies, texts sharing a slot,
/// texts too long to keep, non-ASCII text that grows past the packed size when encoded), the cache writes exactly
/// the key followed by the text's plain encoding.
class FieldTextCacheTest {

    private static final List<String> POOL = List.of("w0", "w1", "w12", "batch", "fetch-user", "ok", "",
            "IOException", "é\"\\\n", "ééééééééééé", "\uD83D\uDE00", "a text far too long to be kept packed");

    @Property(tries = 300)
    void writesTheKeyAndThePlainEncodingOfEveryText(@ForAll("texts") List<String> texts) {
        byte[] key = AuditFields.RECORD_KEYS[AuditFields.WORKER];
        var cache = new FieldTextCache(key);
        for (String text : texts) {
            var cached = new JsonLineEncoder(512);
            cache.write(cached, text);
            var plain = new JsonLineEncoder(512);
            plain.key(key);
            plain.string(text);
            assertThat(new String(cached.buf, 0, cached.pos, StandardCharsets.UTF_8))
                    .isEqualTo(new String(plain.buf, 0, plain.pos, StandardCharsets.UTF_8));
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> shared = Arbitraries.of(POOL);
        Arbitrary<String> copies = shared.map(String::new);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(24);
        return Arbitraries.oneOf(shared, copies, any).list().ofMaxSize(60);
    }
}
