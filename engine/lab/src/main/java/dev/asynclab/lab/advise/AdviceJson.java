package dev.asynclab.lab.advise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// `advice.json`: `{"recommended": 4 or null, "sizes": [{"pool": 1, "p50Ms": …, "p95Ms": …, "p99Ms": …,
/// "p99LowMs": …, "p99HighMs": …, "throughputPerS": …, "utilization": …}, …]}`, latencies in milliseconds to
/// the microsecond.
///
/// ```java
/// Files.writeString(dir.resolve("advice.json"), AdviceJson.write(advice));
/// ```
public final class AdviceJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdviceJson() {
    }

    public static String write(Advice advice) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("recommended", advice.recommended().isPresent() ? advice.recommended().getAsInt() : null);
        List<Map<String, Object>> sizes = advice.sizes().stream().map(AdviceJson::row).toList();
        root.put("sizes", sizes);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> row(Advice.Size s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pool", s.pool());
        m.put("p50Ms", round(s.p50Ms(), 3));
        m.put("p95Ms", round(s.p95Ms(), 3));
        m.put("p99Ms", round(s.p99Ms(), 3));
        m.put("p99LowMs", round(s.p99LowMs(), 3));
        m.put("p99HighMs", round(s.p99HighMs(), 3));
        m.put("throughputPerS", round(s.throughputPerS(), 2));
        m.put("utilization", round(s.utilization(), 4));
        return m;
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
