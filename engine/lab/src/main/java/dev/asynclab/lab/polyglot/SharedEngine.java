package dev.asynclab.lab.polyglot;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Set;

/// The one polyglot `Engine` of the process, created on first use. Sharing it lets every context reuse the
/// parsed code of every other context (a warm call costs microseconds, a new context a few milliseconds).
final class SharedEngine {

    private SharedEngine() {
    }

    private static final class Holder {
        static final Set<String> INSTALLED = installedLanguages();
        static final Engine ENGINE = Engine.newBuilder(permitted())
                .sandbox(SandboxPolicy.CONSTRAINED)
                // Stock JDKs run Truffle in the interpreter unless the Graal compiler is on the upgrade module
                // path; that is the expected mode here, so the warning would only be noise.
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
    }

    static Engine get() {
        return Holder.ENGINE;
    }

    /// True when the language's jars are on the module path (a runtime image may ship JavaScript only).
    static boolean isInstalled(ScriptLanguage language) {
        return Holder.INSTALLED.contains(language.id());
    }

    /// A constrained engine must name its languages up front, and naming one that is missing fails: so ask a
    /// throwaway unconstrained engine which are there.
    private static Set<String> installedLanguages() {
        try (Engine probe = Engine.newBuilder()
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build()) {
            return Set.copyOf(probe.getLanguages().keySet());
        }
    }

    private static String[] permitted() {
        return Arrays.stream(ScriptLanguage.values()).map(ScriptLanguage::id)
                .filter(Holder.INSTALLED::contains).toArray(String[]::new);
    }
}
