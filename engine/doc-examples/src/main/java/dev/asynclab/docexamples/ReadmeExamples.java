package dev.asynclab.docexamples;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;

/// The README's ```` ```java ```` blocks, read from `README.md` when the test runs, compiled and run as written: a
/// test that copied a block into its own source (and checked that the README still contained a few of its
/// strings) let the two drift apart, a line changed in one and not the other.
///
/// A block goes, unchanged, into the body of a method of a class the test writes around it: the imports and helpers
/// a reader's file would have, and, after the block, what the test wants back from it (a `return` of its locals).
/// The class is compiled by javac in this JVM (through `ToolProvider`, as [ExampleCompiler] does) against the test's
/// class path and module path, and loaded by a class loader under the test's own, so it runs against the very
/// classes the test sees.
///
/// ```java
/// String block = ReadmeExamples.block(Path.of("../../README.md"), "AuditLogWriter.open(");
/// Class<?> example = ReadmeExamples.compile(dir, "AuditExample", """
///         import dev.asynclab.lab.audit.*;
///         public class AuditExample {
///             public static Object run(java.nio.file.Path auditFile) throws Exception {
///         %s
///                 return header;
///             }
///         }
///         """.replace("%s", block), ReadmeExamples.class.getClassLoader());
/// ```
public final class ReadmeExamples {

    private ReadmeExamples() {
    }

    /// The one ```` ```java ```` block of `readme` that contains `marker`, without its fences; fails when none or
    /// more than one does (a marker that names two blocks would pick one by chance).
    public static String block(Path readme, String marker) {
        List<String> found = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> block = null;
        for (String line : lines) {
            if (block == null) {
                if (line.strip().equals("```java")) {
                    block = new ArrayList<>();
                }
            } else if (line.strip().equals("```")) {
                String text = String.join("\n", block) + "\n";
                if (text.contains(marker)) {
                    found.add(text);
                }
                block = null;
            } else {
                block.add(line);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " ```java blocks of " + readme + " contain '" + marker
                    + "'; expected exactly one");
        }
        return found.getFirst();
    }

    /// Compiles `source`, one public top-level class named `className` in no package, into `workDir` and loads it
    /// with a class loader whose parent is `parent`. javac's errors fail it, with the source numbered so that the
    /// README's line can be found.
    public static Class<?> compile(Path workDir, String className, String source, ClassLoader parent) {
        try {
            Path src = Files.createDirectories(workDir.resolve("src"));
            Path classes = Files.createDirectories(workDir.resolve("classes"));
            Path file = Files.writeString(src.resolve(className + ".java"), source);
            var output = new StringWriter();
            var out = new PrintWriter(output);
            int code = ToolProvider.findFirst("javac").orElseThrow().run(out, out, "-proc:none", "-implicit:none",
                    "-Xlint:none", "-nowarn", "-encoding", "UTF-8", "-d", classes.toString(), "-classpath",
                    System.getProperty("jdk.module.path", "") + File.pathSeparator
                            + System.getProperty("java.class.path"), file.toString());
            out.flush();
            if (code != 0) {
                throw new AssertionError("the README's example does not compile:\n" + output + "\n" + numbered(source));
            }
            @SuppressWarnings("resource") // the class is used after this returns; the loader holds only a folder
            var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
            return loader.loadClass(className);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("compiled, yet no class " + className + " in it", e);
        }
    }

    /// Calls the public static method `name` of `example` with `args`, and returns what it returned; an exception
    /// the example threw is thrown as it is, not wrapped.
    public static Object run(Class<?> example, String name, Object... args) throws Throwable {
        Method method = null;
        for (Method m : example.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                method = m;
            }
        }
        if (method == null) {
            throw new AssertionError("no public method " + name + " with " + args.length + " parameters in "
                    + example.getName());
        }
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String numbered(String source) {
        var text = new StringBuilder();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            text.append(String.format("%4d  %s%n", i + 1, lines.get(i)));
        }
        return text.toString();
    }
}
