package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.AsyncCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/// Prints what a script call costs: the first call (engine and context creation included), a warm call, and a
/// warm JavaScript call against a trivial Java callback, measured in the same run. Figures, not assertions:
/// run it alone on a quiet machine.
///
/// `./mvnw -B -q -pl engine/lab -am test -Dtest=ScriptCostReport -Dasynclab.measure=true
/// -Dsurefire.failIfNoSpecifiedTests=false`
/// `-Dsurefire.failIfNoSpecifiedTests=false`, then read `engine/target/surefire-reports/*ScriptCostReport-output.txt`
@EnabledIfSystemProperty(named = "asynclab.measure", matches = "true")
class ScriptCostReport {

    private static final int WARMUP = 20_000;
    private static final int MEASURED = 100_000;

    @Test
    void printCosts() throws Exception {
        System.out.println("runtime: " + ScriptHost.runtimeName());
        try (var host = new ScriptHost(ScriptHost.DEFAULT_STATEMENT_LIMIT, 2)) {
            AsyncCallback js = ScriptCallback.of(new ScriptSource(ScriptLanguage.JS, "return attempt + 1", "m.js"),
                    host);
            AsyncCallback py = ScriptCallback.of(new ScriptSource(ScriptLanguage.PYTHON, "return attempt + 1", "m.py"),
                    host);
            AsyncCallback java = ctx -> ctx.attempt() + 1;
            var ctx = new TestContext();

            System.out.printf("JS first call (engine + context + parse): %.1f ms%n", firstMillis(js, ctx));
            AsyncCallback js2 = ScriptCallback.of(new ScriptSource(ScriptLanguage.JS, "return attempt + 2", "n.js"),
                    host);
            System.out.printf("JS first call of a second source (context reused): %.2f ms%n", firstMillis(js2, ctx));
            System.out.printf("Python first call (context + parse): %.1f ms%n", firstMillis(py, ctx));

            double javaNs = warmNanos(java, WARMUP, MEASURED);
            double jsNs = warmNanos(js, WARMUP, MEASURED);
            double pyNs = warmNanos(py, WARMUP / 4, MEASURED / 4);
            System.out.printf("warm call: Java lambda %.0f ns, JS %.0f ns (%.0fx), Python %.0f ns (%.0fx)%n",
                    javaNs, jsNs, jsNs / javaNs, pyNs, pyNs / javaNs);
        }
    }

    private static double firstMillis(AsyncCallback cb, TestContext ctx) throws Exception {
        long start = System.nanoTime();
        cb.call(ctx);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double warmNanos(AsyncCallback cb, int warmup, int measured) throws Exception {
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += ((Number) cb.call(new TestContext())).longValue();
        }
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            // A fresh context per call, as the engine makes one per attempt (each call registers a cancel hook).
            sink += ((Number) cb.call(new TestContext())).longValue();
        }
        double perCall = (System.nanoTime() - start) / (double) measured;
        if (sink == 0) {
            throw new AssertionError("unreachable: keeps the calls from being optimised away");
        }
        return perCall;
    }
}
