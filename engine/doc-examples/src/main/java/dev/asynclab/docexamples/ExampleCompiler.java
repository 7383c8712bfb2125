package dev.asynclab.docexamples;

import dev.asynclab.docexamples.JavadocExamples.Example;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/// Compiles Javadoc examples with the JDK's compiler, in process and in one call for all of them.
///
/// Each type with examples becomes one abstract class, `<Type>Examples`: its context (the fields and abstract
/// methods the examples use without declaring them) as members, and each example as the body of one method that
/// may throw anything. An example's own `var pool = ...` shadows a context field of the same name, as a local does.
/// A public type's examples are compiled outside the module's packages, seeing only the imports given; a type that
/// is not public has its examples compiled in its own package. Compiled against this test's class path and module
/// path, so against the module's classes and everything they need.
///
/// javac is reached through `java.util.spi.ToolProvider` (in `java.base`), not `javax.tools.JavaCompiler`: this
/// class runs on the class path of a test JVM whose boot layer is resolved from the module under test, and
/// `java.compiler` need not be in it. It is the same compiler, run in this JVM; its errors are read back from its
/// `file:line: error:` lines.
public final class ExampleCompiler {

    private static final Pattern ERROR = Pattern.compile("^(.+\\.java):(\\d+): error: (.*)$");
    private static final Pattern COUNT = Pattern.compile("^\\d+ errors?$");

    /// What an example may use without declaring it: `import` lines for the compilation unit, and members.
    record Context(List<String> imports, String members) {

        static Context of(String text) {
            var imports = text.lines().filter(l -> l.strip().startsWith("import ")).map(String::strip).toList();
            var members = String.join("\n", text.lines().filter(l -> !l.strip().startsWith("import ")).toList());
            return new Context(imports, members);
        }
    }

    /// A javac error, with the example it lies in (or `null` when it lies in a type's context).
    public record Failure(String typeName, Example example, String message) {

        @Override
        public String toString() {
            return example == null
                    ? typeName + ", in the test's context for it: " + message
                    : example.where() + ":\n    " + String.join("\n    ", example.code()) + "\n  javac: " + message;
        }
    }

    private final List<String> imports;

    /// @param imports the import lines every example gets (a user's file would have them)
    public ExampleCompiler(List<String> imports) {
        this.imports = List.copyOf(imports);
    }

    public List<Failure> compile(List<Example> examples, Map<String, String> contexts, Path workDir) {
        var byType = new TreeMap<String, List<Example>>();
        examples.forEach(e -> byType.computeIfAbsent(e.typeName(), t -> new ArrayList<>()).add(e));
        try {
            Path sources = Files.createDirectories(workDir.resolve("src"));
            var units = new LinkedHashMap<Path, Unit>();
            var args = new ArrayList<>(List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn",
                    "-Xmaxerrs", "10000", "-encoding", "UTF-8", "-d", workDir.resolve("classes").toString(),
                    "-classpath", System.getProperty("jdk.module.path", "") + File.pathSeparator
                            + System.getProperty("java.class.path")));
            for (var entry : byType.entrySet()) {
                Unit unit = unit(entry.getKey(), entry.getValue(), Context.of(contexts.getOrDefault(entry.getKey(), "")));
                Path file = sources.resolve(unit.path());
                Files.createDirectories(file.getParent());
                Files.writeString(file, unit.text());
                units.put(file.toAbsolutePath().normalize(), unit);
                args.add(file.toString());
            }
            var output = new StringWriter();
            var out = new PrintWriter(output);
            ToolProvider.findFirst("javac").orElseThrow().run(out, out, args.toArray(String[]::new));
            out.flush();
            return failures(output.toString(), units);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// javac prints `file:line: error: message`, then the source line and a caret, then the message's other lines.
    private static List<Failure> failures(String javacOutput, Map<Path, Unit> units) {
        var failures = new ArrayList<Failure>();
        List<String> lines = javacOutput.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ERROR.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            var message = new StringBuilder(m.group(3));
            for (int j = i + 3; j < lines.size() && !ERROR.matcher(lines.get(j)).matches()
                    && !COUNT.matcher(lines.get(j)).matches(); j++) {
                message.append("\n    ").append(lines.get(j).strip());
            }
            Unit unit = units.get(Path.of(m.group(1)).toAbsolutePath().normalize());
            int line = Integer.parseInt(m.group(2));
            Example example = unit == null ? null : unit.exampleAt(line);
            if (unit == null) {
                failures.add(new Failure(m.group(1), null, message.toString()));
            } else if (example == null) {
                failures.add(new Failure(unit.type(), null, message.toString()));
            } else {
                int inExample = line - unit.firstLines().get(example) + 1;
                failures.add(new Failure(unit.type(), example, "line " + inExample + " of the example: " + message));
            }
        }
        if (failures.isEmpty() && javacOutput.contains("error")) {
            failures.add(new Failure("(javac)", null, javacOutput));
        }
        return failures;
    }

    /// One generated compilation unit, and the line where each example starts in it.
    private record Unit(String type, String path, String text, Map<Example, Integer> firstLines) {

        Example exampleAt(int line) {
            for (var e : firstLines.entrySet()) {
                if (line >= e.getValue() && line < e.getValue() + e.getKey().code().size()) {
                    return e.getKey();
                }
            }
            return null;
        }
    }

    private Unit unit(String type, List<Example> examples, Context context) {
        boolean inPackage = !examples.getFirst().publicType();
        String pkg = examples.getFirst().packageName();
        var lines = new ArrayList<String>();
        if (inPackage) {
            lines.add("package " + pkg + ";");
        }
        lines.addAll(imports);
        lines.addAll(context.imports());
        String className = type + "Examples";
        lines.add("@SuppressWarnings(\"all\") abstract class " + className + " {");
        lines.addAll(context.members().lines().toList());
        var firstLines = new LinkedHashMap<Example, Integer>();
        for (Example example : examples) {
            lines.add("void example" + example.line() + "() throws Throwable {");
            firstLines.put(example, lines.size() + 1);
            lines.addAll(example.code());
            lines.add("}");
        }
        lines.add("}");
        String path = (inPackage ? pkg.replace('.', '/') + "/" : "") + className + ".java";
        return new Unit(type, path, String.join("\n", lines) + "\n", firstLines);
    }
}
